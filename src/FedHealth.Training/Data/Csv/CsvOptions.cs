namespace FedHealth.Training.Data.Csv;

/// <summary>How to read a CSV file of patients: which column is what. Every other column is a feature.</summary>
public sealed record CsvOptions
{
    public CsvOptions(string labelColumn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(labelColumn);
        LabelColumn = labelColumn;
    }

    /// <summary>The binary outcome, coded 0/1.</summary>
    public string LabelColumn { get; init; }

    /// <summary>Which hospital a row belongs to; its raw value becomes the site id.</summary>
    public string? SiteColumn { get; init; }

    /// <summary>A given train/test assignment per row: <c>train</c> or <c>test</c> (any case).</summary>
    public string? SplitColumn { get; init; }

    /// <summary>Columns that are neither features nor roles, e.g. a patient id.</summary>
    public IReadOnlyList<string> IgnoreColumns { get; init; } = [];

    /// <summary>
    /// Columns to one-hot encode even though their values are numbers, such as a chest-pain type
    /// coded 1–4. Other columns are one-hot encoded only when they hold text alone; a column that
    /// mixes numbers and text is an error naming its first text cell.
    /// </summary>
    public IReadOnlyList<string> CategoricalColumns { get; init; } = [];

    /// <summary>
    /// Accept a site whose training rows all have the same label. Off by default, because that is
    /// usually a mistake (wrong label column, a site filtered to cases only); a benchmark's given
    /// split can need it: FLamby's Fed-Heart-Disease trains Zurich/Basel on positives only.
    /// </summary>
    public bool AllowSingleClassSites { get; init; }
}
