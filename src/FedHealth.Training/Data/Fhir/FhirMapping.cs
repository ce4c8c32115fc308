using System.Text.Json;
using System.Text.Json.Serialization;
using FedHealth.Training.Data.Contracts;

namespace FedHealth.Training.Data.Fhir;

/// <summary>
/// The data contract for FHIR sources: the index date, the label's definition and, per feature in
/// schema order, its source, codes, unit and range. Read from a JSON file (docs/data.md).
/// </summary>
public sealed record FhirMapping(DateOnly IndexDate, FhirLabel Label, IReadOnlyList<FhirFeature> Features)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Code systems of the sites' own (local) codes, allowed next to <see cref="CodeSystems.Standard"/>.</summary>
    public IReadOnlyList<string> LocalSystems { get; init; } = [];

    public IEnumerable<string> FeatureNames => Features.Select(f => f.Name);

    /// <exception cref="DataValidationException">The file is missing, not JSON, or not a consistent mapping.</exception>
    public static FhirMapping Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataValidationException("No such mapping file.", path);
        }

        FhirMapping? mapping;
        try
        {
            mapping = JsonSerializer.Deserialize<FhirMapping>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new DataValidationException($"The mapping is not valid JSON for a FHIR mapping: {ex.Message}", path);
        }

        var checkedMapping = mapping ?? throw new DataValidationException("The mapping file is empty (null).", path);
        checkedMapping.Validate(path);
        return checkedMapping;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Refuses a mapping whose features or codes cannot be read unambiguously.</summary>
    /// <exception cref="DataValidationException">The first problem, naming the feature.</exception>
    public void Validate(string? file)
    {
        if (Label is null || string.IsNullOrWhiteSpace(Label.Name) || Label.Codes is not { Count: > 0 })
        {
            throw new DataValidationException("The mapping needs a label with a name and at least one Condition code.", file);
        }

        if (Features is not { Count: > 0 })
        {
            throw new DataValidationException("The mapping lists no features.", file);
        }

        var known = new HashSet<string>(CodeSystems.Standard.Concat(LocalSystems ?? []), StringComparer.Ordinal);
        CheckSystems(file, "the label", Label.Codes, known);
        var seen = new HashSet<string>(StringComparer.Ordinal) { Label.Name };
        foreach (var feature in Features)
        {
            if (string.IsNullOrWhiteSpace(feature.Name) || !seen.Add(feature.Name))
            {
                throw new DataValidationException($"Feature names must be non-empty and unique (and differ from the label): '{feature.Name}'.", file);
            }

            FeatureChecks.Check(file, feature, known);
        }
    }

    /// <summary>The mapping must supply exactly the study schema's columns, in its order, and its label.</summary>
    /// <exception cref="DataValidationException">A feature the schema lacks, a schema column with no mapping, or another order or label.</exception>
    public void CheckAgainst(IReadOnlyList<string> schemaColumns, string? schemaLabel, string? file) =>
        SchemaMatch.Check("mapping", [.. FeatureNames], Label.Name, schemaColumns, schemaLabel, file);

    internal static void CheckSystems(string? file, string what, IEnumerable<FhirCoding> codes, IReadOnlySet<string> known)
    {
        foreach (var code in codes)
        {
            if (string.IsNullOrWhiteSpace(code.System) || string.IsNullOrWhiteSpace(code.Code))
            {
                throw new DataValidationException($"Every code of {what} needs a system and a code.", file);
            }

            if (!known.Contains(code.System))
            {
                throw new DataValidationException(
                    $"Unknown code system '{code.System}' in {what}: use LOINC, SNOMED CT, ICD-10 or RxNorm by their FHIR URIs, or declare a site's own system under localSystems.", file);
            }
        }
    }
}
