namespace FedHealth.Training.Data.Fhir.Rest;

/// <summary>
/// One paged search a mapping needs: a resource type and (for coded resources) the code tokens
/// (system|code) the server is asked to filter on, so only resources the contract uses are fetched.
/// </summary>
internal sealed record FhirSearch(string ResourceType, IReadOnlyList<FhirCoding> Codes)
{
    public static IReadOnlyList<FhirSearch> For(FhirMapping mapping)
    {
        var searches = new List<FhirSearch> { new("Patient", []) };
        var observations = CodesOf(mapping, FeatureSource.Observation);
        if (observations.Count > 0)
        {
            searches.Add(new("Observation", observations));
        }

        searches.Add(new("Condition", [.. mapping.Label.Codes.Concat(CodesOf(mapping, FeatureSource.Condition)).Distinct()]));
        var medications = CodesOf(mapping, FeatureSource.Medication);
        if (medications.Count > 0)
        {
            searches.Add(new("MedicationRequest", medications));
            searches.Add(new("MedicationStatement", medications));
        }

        return searches;
    }

    public string CodeParameter => string.Join(',', Codes.Select(c => $"{Escape(c.System)}|{Escape(c.Code)}"));

    private static List<FhirCoding> CodesOf(FhirMapping mapping, FeatureSource source) =>
        mapping.Features.Where(f => f.Source == source).SelectMany(f => f.Codes).Distinct().ToList();

    // FHIR search escaping: a literal ',', '|', '$' or '\' in a token is preceded by '\'.
    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal).Replace("$", "\\$", StringComparison.Ordinal);
}
