using System.Globalization;

namespace FedHealth.Training.Data.Fhir;

/// <summary>Age in whole years at the index date, from a FHIR date (yyyy, yyyy-MM or yyyy-MM-dd; a partial date counts from its first day).</summary>
public static class PatientAge
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];

    public static bool TryParseDate(string? fhirDate, out DateOnly date) =>
        DateOnly.TryParseExact(fhirDate, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static int At(DateOnly birth, DateOnly index)
    {
        var age = index.Year - birth.Year;
        return index < birth.AddYears(age) ? age - 1 : age;
    }
}
