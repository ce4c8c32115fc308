using System.Text.Json.Nodes;

namespace FedHealth.Simulation.Processes;

/// <summary>
/// A CSV file on the site's own server: <see cref="SiteColumn"/> and <see cref="SiteValue"/> pick
/// this site's rows from a shared file (omit both for a file of this site only); rows are split by
/// <see cref="SplitColumn"/>, or stratified with <see cref="TestFraction"/> and <see cref="Seed"/>.
/// </summary>
public sealed record CsvSiteData(string Path) : SiteDataSource
{
    public string? SiteColumn { get; init; }

    public string? SiteValue { get; init; }

    public string? SplitColumn { get; init; }

    public double TestFraction { get; init; } = 0.25;

    public int Seed { get; init; } = 42;

    public override JsonObject ToJson()
    {
        if ((SiteColumn is null) != (SiteValue is null))
        {
            throw new InvalidOperationException("Give both SiteColumn and SiteValue, or neither.");
        }

        var data = new JsonObject { ["Kind"] = "csv", ["Path"] = System.IO.Path.GetFullPath(Path) };
        if (SiteColumn is not null)
        {
            data["SiteColumn"] = SiteColumn;
            data["SiteValue"] = SiteValue;
        }

        if (SplitColumn is not null)
        {
            data["SplitColumn"] = SplitColumn;
        }

        data["TestFraction"] = TestFraction;
        data["Seed"] = Seed;
        return data;
    }
}
