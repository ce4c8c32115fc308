using System.Globalization;

namespace FedHealth.Training.Data.Omop.Synthetic;

/// <summary>One line of an OMOP CSV table, its cells in the reader's column order; a bad cell is named by file, line and column.</summary>
internal sealed class OmopCsvRow(string file, int line, IReadOnlyList<string> columns, string[] cells)
{
    public long Long(int column) => long.TryParse(Required(column), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
        ? value
        : throw Bad(column, "an integer");

    public int Int(int column) => int.TryParse(Required(column), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
        ? value
        : throw Bad(column, "an integer");

    public int? OptionalInt(int column) => cells[column].Length == 0 ? null : Int(column);

    public decimal? OptionalDecimal(int column) => cells[column].Length == 0
        ? null
        : decimal.TryParse(cells[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw Bad(column, "a number");

    public DateOnly Date(int column) => DateOnly.TryParseExact(Required(column), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
        ? value
        : throw Bad(column, "a date (yyyy-MM-dd)");

    public DateTime? OptionalDateTime(int column) => cells[column].Length == 0
        ? null
        : DateTime.TryParse(cells[column], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw Bad(column, "a date and time (yyyy-MM-dd HH:mm:ss)");

    private string Required(int column) => cells[column].Length > 0
        ? cells[column]
        : throw new DataValidationException("A value is required.", file, columns[column], line);

    // The message names where, never the value (it may be a patient's).
    private DataValidationException Bad(int column, string what) =>
        new($"Not {what}.", file, columns[column], line);
}
