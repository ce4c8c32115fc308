using System.Globalization;

namespace FedHealth.Training.Data.Csv;

/// <summary>How a cell's text is read: missing markers and invariant-culture numbers.</summary>
internal static class CellValues
{
    /// <summary>Empty, <c>?</c> (the UCI files' marker) and <c>NA</c> (R's) all mean "not recorded".</summary>
    public static bool IsMissing(string cell) =>
        cell.Length == 0 || cell == "?" || cell.Equals("NA", StringComparison.OrdinalIgnoreCase) ||
        cell.Equals("NaN", StringComparison.OrdinalIgnoreCase);

    /// <summary>A finite number in invariant culture (decimal point, optional exponent, no thousands separators).</summary>
    public static bool TryNumber(string cell, out double value) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
