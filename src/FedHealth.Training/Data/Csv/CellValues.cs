using System.Globalization;

namespace FedHealth.Training.Data.Csv;

/// <summary>How a cell's text is read: missing markers, invariant-culture numbers, and how a cell is quoted in an error.</summary>
internal static class CellValues
{
    private const int ShownCharacters = 40;

    /// <summary>Empty, <c>?</c> (the UCI files' marker) and <c>NA</c> (R's) all mean "not recorded".</summary>
    public static bool IsMissing(string cell) =>
        cell.Length == 0 || cell == "?" || cell.Equals("NA", StringComparison.OrdinalIgnoreCase);

    /// <summary>A finite number in invariant culture (decimal point, optional exponent, no thousands separators).</summary>
    public static bool TryNumber(string cell, out double value) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Reads as a number but is NaN or infinite (also a finite-looking number beyond double's range).</summary>
    public static bool IsNonFinite(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && !double.IsFinite(value);

    /// <summary>The cell for an error message, in quotes.</summary>
    public static string Quote(string cell) => $"'{Shown(cell)}'";

    /// <summary>The cell for an error message: cut to a few characters (with its length), control characters shown as '?'.</summary>
    public static string Shown(string cell)
    {
        var shown = new string([.. cell.Take(ShownCharacters).Select(c => char.IsControl(c) ? '?' : c)]);
        return cell.Length <= ShownCharacters
            ? shown
            : string.Create(CultureInfo.InvariantCulture, $"{shown}… ({cell.Length:N0} characters)");
    }
}
