using FedHealth.Core.Data;
using FedHealth.Core.Ids;

namespace FedHealth.Training.Data;

/// <summary>
/// One site's rows before preprocessing (missing values are NaN), with the given train/test
/// assignment if there is one.
/// </summary>
/// <param name="IsTest">Per row, true for a test row; null when the source gives no split.</param>
/// <param name="Lines">Per row, the 1-based line in the source file; null for generated data.</param>
public sealed record RawSite(SiteId Site, TabularData Rows, IReadOnlyList<bool>? IsTest, IReadOnlyList<int>? Lines)
{
    public bool HasSplit => IsTest is not null;

    /// <summary>The line of the site's first row, for error messages.</summary>
    public int? FirstLine => Lines is { Count: > 0 } ? Lines[0] : null;

    public TabularData TrainRows() => Rows.Select(Indices(test: false));

    public TabularData TestRows() => Rows.Select(Indices(test: true));

    /// <summary>The same site restricted to some rows (in the given order).</summary>
    public RawSite Subset(SiteId site, IReadOnlyList<int> rows) =>
        new(site, Rows.Select(rows), IsTest is null ? null : rows.Select(r => IsTest[r]).ToArray(),
            Lines is null ? null : rows.Select(r => Lines[r]).ToArray());

    private int[] Indices(bool test)
    {
        var isTest = IsTest ?? throw new InvalidOperationException($"Site {Site} has no train/test split.");
        return Enumerable.Range(0, Rows.Rows).Where(r => isTest[r] == test).ToArray();
    }
}
