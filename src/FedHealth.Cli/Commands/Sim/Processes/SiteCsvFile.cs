using System.Globalization;
using FedHealth.Core.Data;

namespace FedHealth.Cli.Commands.Sim.Processes;

/// <summary>
/// One site's rows as a CSV file for its node: the model's raw input columns (missing values
/// empty), the label, and a train/test column holding the split <c>sim</c> made.
/// </summary>
internal static class SiteCsvFile
{
    public const string Train = "train";
    public const string Test = "test";

    /// <summary>"split", or the first of "split_2", "split_3", … that is neither an input nor the label.</summary>
    public static string SplitColumnFor(IEnumerable<string> inputs, string label)
    {
        var taken = inputs.Append(label).ToHashSet(StringComparer.Ordinal);
        var name = "split";
        for (var n = 2; taken.Contains(name); n++)
        {
            name = $"split_{n}";
        }

        return name;
    }

    public static string Write(string path, SiteData site, string label, string splitColumn)
    {
        using var writer = new StreamWriter(path, append: false);
        writer.NewLine = "\n";
        writer.WriteLine(string.Join(',', site.Train.FeatureNames.Append(label).Append(splitColumn).Select(Quote)));
        WriteRows(writer, site.Train, Train);
        WriteRows(writer, site.Test, Test);
        return Path.GetFullPath(path);
    }

    private static void WriteRows(StreamWriter writer, TabularData data, string split)
    {
        for (var r = 0; r < data.Rows; r++)
        {
            var cells = data.Row(r).ToArray().Select(v => float.IsNaN(v) ? string.Empty : v.ToString("R", CultureInfo.InvariantCulture));
            writer.WriteLine(string.Join(',', cells.Append(data.Labels[r].ToString(CultureInfo.InvariantCulture)).Append(split)));
        }
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 || cell != cell.Trim() ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
