using System.Globalization;

namespace FedHealth.Training.Data.Csv;

/// <summary>
/// Turns the feature columns of a table into float columns: numbers stay numbers (missing → NaN);
/// columns declared categorical, and columns of text only, are one-hot encoded as <c>name=level</c>,
/// levels sorted. A column that mixes numbers with text, or holds NaN or infinity, is an error at
/// its first such cell: never a silent switch to categorical.
/// </summary>
/// <remarks>
/// Every level gets a column; the first is NOT dropped as a reference level. A missing category is
/// encoded as all zeros, which is only distinguishable from the reference level when that level
/// has its own column. Keeping every level also makes the layout independent of which levels a
/// site happens to have, and the redundancy with the intercept is harmless for gradient training.
/// Levels are taken from the whole file, so all sites share one layout.
/// </remarks>
internal static class FeatureEncoder
{
    public static (List<string> Names, float[] Values) Encode(
        CsvTable table, IReadOnlyList<int> columns, IReadOnlySet<string> categorical)
    {
        var encoded = columns
            .Select(c => Encode(table, c, categorical.Contains(table.Header[c])))
            .ToList();
        var names = encoded.SelectMany(e => e.Names).ToList();
        var rows = table.Records.Count;
        var values = new float[rows * names.Count];
        var offset = 0;
        foreach (var (columnNames, columnValues) in encoded)
        {
            var width = columnNames.Count;
            for (var r = 0; r < rows; r++)
            {
                Array.Copy(columnValues, r * width, values, (r * names.Count) + offset, width);
            }

            offset += width;
        }

        return (names, values);
    }

    private static (List<string> Names, float[] Values) Encode(CsvTable table, int column, bool forceCategorical)
    {
        var cells = table.Records.Select(r => r.Cells[column]).ToList();
        var numeric = cells.All(c => CellValues.IsMissing(c) || CellValues.TryNumber(c, out _));
        if (!forceCategorical)
        {
            CheckNumericOrText(table, column, cells);
            if (numeric)
            {
                return ([table.Header[column]], cells.Select(Number).ToArray());
            }
        }

        var levels = cells.Where(c => !CellValues.IsMissing(c)).Select(c => Level(c, numeric)).Distinct()
            .Order(StringComparer.Ordinal).ToList();
        var index = levels.Select((level, i) => (level, i)).ToDictionary(p => p.level, p => p.i, StringComparer.Ordinal);
        var values = new float[cells.Count * levels.Count];
        for (var r = 0; r < cells.Count; r++)
        {
            if (!CellValues.IsMissing(cells[r]))
            {
                values[(r * levels.Count) + index[Level(cells[r], numeric)]] = 1f;
            }
        }

        return (levels.Select(l => $"{table.Header[column]}={l}").ToList(), values);
    }

    private static void CheckNumericOrText(CsvTable table, int column, List<string> cells)
    {
        var nonFinite = cells.FindIndex(CellValues.IsNonFinite);
        if (nonFinite >= 0)
        {
            throw new DataValidationException(
                $"The cell {CellValues.Quote(cells[nonFinite])} is not a finite number; mark a missing value with an empty cell, ? or NA.",
                table.File, table.Header[column], table.Records[nonFinite].Line);
        }

        var firstNumber = cells.FindIndex(c => CellValues.TryNumber(c, out _));
        var firstText = cells.FindIndex(c => !CellValues.IsMissing(c) && !CellValues.TryNumber(c, out _));
        if (firstNumber >= 0 && firstText >= 0)
        {
            throw new DataValidationException(
                $"The cell {CellValues.Quote(cells[firstText])} is not a number, but the column holds numbers (line {table.Records[firstNumber].Line}); " +
                "fix the cell, mark it missing (empty, ? or NA), or declare the column categorical.",
                table.File, table.Header[column], table.Records[firstText].Line);
        }
    }

    private static float Number(string cell) =>
        CellValues.TryNumber(cell, out var value) ? (float)value : float.NaN;

    // Numeric codes name their level by value, so "2" and "2.0" are one level.
    private static string Level(string cell, bool numeric) =>
        numeric && CellValues.TryNumber(cell, out var value) ? value.ToString("R", CultureInfo.InvariantCulture) : cell;
}
