using System.Globalization;
using FedHealth.Core.Data;

namespace FedHealth.Training.Data.Csv;

/// <summary>
/// New patients to score: a CSV file's feature columns encoded exactly as at training time
/// (<see cref="FeatureColumn"/>s), ready for the training preprocessing. Other columns are ignored;
/// labels are not read (every row gets 0).
/// </summary>
public static class CsvScoringRows
{
    /// <exception cref="DataValidationException">A column is missing, a number is not a number, or a category was never seen in training.</exception>
    public static TabularData Load(string path, IReadOnlyList<FeatureColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var table = CsvTableReader.Read(path);
        var names = columns.SelectMany(c => c.EncodedNames()).ToList();
        var values = new float[table.Records.Count * names.Count];
        var offset = 0;
        foreach (var column in columns)
        {
            var index = table.ColumnIndex(column.Name);
            if (index < 0)
            {
                throw new DataValidationException(
                    $"The model needs this column, but it is not in the header (columns: {string.Join(", ", table.Header)}).", table.File, column.Name, 1);
            }

            for (var r = 0; r < table.Records.Count; r++)
            {
                var record = table.Records[r];
                var target = values.AsSpan((r * names.Count) + offset, column.Levels?.Count ?? 1);
                Encode(table, record, index, column, target);
            }

            offset += column.Levels?.Count ?? 1;
        }

        return new TabularData(names, values, new int[table.Records.Count]);
    }

    private static void Encode(CsvTable table, CsvRecord record, int index, FeatureColumn column, Span<float> target)
    {
        var cell = record.Cells[index];
        if (column.Levels is null)
        {
            if (CellValues.IsMissing(cell))
            {
                target[0] = float.NaN;
            }
            else if (CellValues.TryNumber(cell, out var number))
            {
                target[0] = (float)number;
            }
            else
            {
                throw new DataValidationException($"The value '{cell}' is not a number; the model was trained on numbers here.", table.File, column.Name, record.Line);
            }

            return;
        }

        if (CellValues.IsMissing(cell))
        {
            return;
        }

        var level = LevelIndex(column.Levels, cell);
        if (level < 0)
        {
            throw new DataValidationException(
                $"The category '{cell}' was not seen in training (levels: {string.Join(", ", column.Levels)}).", table.File, column.Name, record.Line);
        }

        target[level] = 1f;
    }

    // Numeric codes name their level by value, as the loader does, so "2.0" finds level "2".
    private static int LevelIndex(IReadOnlyList<string> levels, string cell)
    {
        for (var i = 0; i < levels.Count; i++)
        {
            if (string.Equals(levels[i], cell, StringComparison.Ordinal))
            {
                return i;
            }
        }

        if (CellValues.TryNumber(cell, out var value))
        {
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            for (var i = 0; i < levels.Count; i++)
            {
                if (string.Equals(levels[i], text, StringComparison.Ordinal))
                {
                    return i;
                }
            }
        }

        return -1;
    }
}
