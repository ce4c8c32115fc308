using FedHealth.Core.Data;
using FedHealth.Core.Ids;

namespace FedHealth.Training.Data.Csv;

/// <summary>
/// Loads patients from a CSV file with a header: a 0/1 label column, optionally a site column and
/// a train/test split column; every other (not ignored) column is a feature. See docs/data.md.
/// </summary>
public static class CsvDatasetLoader
{
    /// <summary>The site id used when the file has no site column.</summary>
    public const string SingleSiteId = "all";

    /// <exception cref="DataValidationException">The file is missing, malformed or not usable as described.</exception>
    public static RawDataset Load(string path, CsvOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var table = CsvTableReader.Read(path);
        var label = RequireColumn(table, options.LabelColumn, "label");
        var site = options.SiteColumn is null ? -1 : RequireColumn(table, options.SiteColumn, "site");
        var split = options.SplitColumn is null ? -1 : RequireColumn(table, options.SplitColumn, "split");
        var ignored = options.IgnoreColumns.Select(c => RequireColumn(table, c, "ignored")).ToHashSet();
        var roles = new HashSet<int>(ignored) { label };
        roles.UnionWith(new[] { site, split }.Where(i => i >= 0));

        var features = Enumerable.Range(0, table.Header.Count).Where(i => !roles.Contains(i)).ToList();
        foreach (var name in options.CategoricalColumns)
        {
            if (!features.Contains(RequireColumn(table, name, "categorical")))
            {
                throw new DataValidationException(
                    "A column listed as categorical is also the label, site, split or an ignored column.", table.File, name, 1);
            }
        }

        if (features.Count == 0)
        {
            throw new DataValidationException("There are no feature columns left besides the label, site, split and ignored columns.", table.File, line: 1);
        }

        var labels = table.Records.Select(r => ParseLabel(table, r, label)).ToArray();
        var isTest = split < 0 ? null : table.Records.Select(r => ParseSplit(table, r, split)).ToArray();
        var (names, values) = FeatureEncoder.Encode(table, features, options.CategoricalColumns.ToHashSet(StringComparer.Ordinal));
        var all = new RawSite(
            new SiteId(SingleSiteId),
            new TabularData(names, values, labels),
            isTest,
            table.Records.Select(r => r.Line).ToArray());

        var sites = site < 0 ? [all] : BySite(table, site, all);
        return new RawDataset(table.File, options.LabelColumn, options.SiteColumn, [.. names], sites);
    }

    private static int RequireColumn(CsvTable table, string name, string role)
    {
        var index = table.ColumnIndex(name);
        return index >= 0
            ? index
            : throw new DataValidationException(
                $"The {role} column is not in the header (columns: {string.Join(", ", table.Header)}).", table.File, name, 1);
    }

    private static int ParseLabel(CsvTable table, CsvRecord record, int column)
    {
        var cell = record.Cells[column];
        var name = table.Header[column];
        if (CellValues.IsMissing(cell))
        {
            throw new DataValidationException("The label is missing; every row needs a 0/1 outcome.", table.File, name, record.Line);
        }

        if (!CellValues.TryNumber(cell, out var value))
        {
            throw new DataValidationException($"The label {CellValues.Quote(cell)} is not a number; labels must be 0 or 1.", table.File, name, record.Line);
        }

        return value switch
        {
            0 => 0,
            1 => 1,
            _ => throw new DataValidationException(
                $"The label is {CellValues.Shown(cell)}, but labels must be 0 or 1 (recode the outcome to 0/1 first, e.g. 1 if num > 0).",
                table.File, name, record.Line),
        };
    }

    private static bool ParseSplit(CsvTable table, CsvRecord record, int column)
    {
        var cell = record.Cells[column];
        if (cell.Equals("train", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (cell.Equals("test", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        throw new DataValidationException(
            $"The split value {CellValues.Quote(cell)} is neither 'train' nor 'test'.", table.File, table.Header[column], record.Line);
    }

    // Sites in order of first appearance in the file, so ids and their order read like the file.
    private static List<RawSite> BySite(CsvTable table, int column, RawSite all)
    {
        var rowsBySite = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var r = 0; r < table.Records.Count; r++)
        {
            var record = table.Records[r];
            var id = record.Cells[column];
            if (CellValues.IsMissing(id))
            {
                throw new DataValidationException("The site is missing; every row must name its site.", table.File, table.Header[column], record.Line);
            }

            if (!rowsBySite.TryGetValue(id, out var rows))
            {
                rows = [];
                rowsBySite[id] = rows;
                order.Add(id);
            }

            rows.Add(r);
        }

        return order.Select(id => all.Subset(new SiteId(id), rowsBySite[id])).ToList();
    }
}
