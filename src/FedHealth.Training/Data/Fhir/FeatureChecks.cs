using FedHealth.Training.Data.Contracts;

namespace FedHealth.Training.Data.Fhir;

/// <summary>The per-feature rules of <see cref="FhirMapping.Validate"/>.</summary>
internal static class FeatureChecks
{
    public static void Check(string? file, FhirFeature feature, IReadOnlySet<string> knownSystems)
    {
        var what = $"feature '{feature.Name}'";
        var coded = feature.Source is FeatureSource.Observation or FeatureSource.Condition or FeatureSource.Medication;
        if (coded && feature.Codes is not { Count: > 0 })
        {
            throw new DataValidationException($"The {what} reads {feature.Source} resources and needs at least one code.", file);
        }

        FhirMapping.CheckSystems(file, $"the {what}", feature.Codes ?? [], knownSystems);
        if (feature.Source == FeatureSource.Observation && string.IsNullOrWhiteSpace(feature.Unit))
        {
            throw new DataValidationException($"The {what} reads Observation values and needs its unit (UCUM, e.g. mg/dL).", file);
        }

        TimeRule.Check(what, feature.Aggregation, feature.WindowDays, feature.Source == FeatureSource.Observation, coded, file);
        foreach (var conversion in feature.Conversions ?? [])
        {
            if (string.IsNullOrWhiteSpace(conversion.From) || conversion.From == feature.Unit
                || !double.IsFinite(conversion.Factor) || conversion.Factor == 0 || !double.IsFinite(conversion.Offset))
            {
                throw new DataValidationException(
                    $"The {what} has a conversion that is not a finite, non-zero factor from another unit (from '{conversion.From}').", file);
            }
        }

        if (feature.Min is { } min && feature.Max is { } max && min > max)
        {
            throw new DataValidationException($"The {what} has min {min} above max {max}.", file);
        }
    }
}
