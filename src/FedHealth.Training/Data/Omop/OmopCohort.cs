using FedHealth.Training.Data.Contracts;

namespace FedHealth.Training.Data.Omop;

/// <summary>
/// The data contract for an OMOP CDM source: who is in the cohort (optionally only persons observed
/// at the index date), the label's condition concepts and, per feature in schema order, its table,
/// concepts, unit and range. Declared in node.json (docs/data.md).
/// </summary>
public sealed record OmopCohort(DateOnly IndexDate, OmopLabel Label, IReadOnlyList<OmopFeature> Features)
{
    /// <summary>Keep only persons with an observation_period that contains the index date (the OHDSI convention).</summary>
    public bool RequireObservationPeriod { get; init; } = true;

    public IEnumerable<string> FeatureNames => Features.Select(f => f.Name);

    /// <summary>Refuses a cohort whose features or concepts cannot be read unambiguously.</summary>
    /// <exception cref="DataValidationException">The first problem, naming the feature.</exception>
    public void Validate(string? source)
    {
        if (Label is null || string.IsNullOrWhiteSpace(Label.Name) || Label.Concepts is not { Count: > 0 } || Label.Concepts.Any(c => c <= 0))
        {
            throw new DataValidationException("The OMOP cohort needs a label with a name and at least one condition concept id (> 0).", source);
        }

        if (Features is not { Count: > 0 })
        {
            throw new DataValidationException("The OMOP cohort lists no features.", source);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { Label.Name };
        foreach (var feature in Features)
        {
            if (string.IsNullOrWhiteSpace(feature.Name) || !seen.Add(feature.Name))
            {
                throw new DataValidationException($"Feature names must be non-empty and unique (and differ from the label): '{feature.Name}'.", source);
            }

            Check(feature, source);
        }
    }

    /// <summary>The cohort must supply exactly the study schema's columns, in its order, and its label.</summary>
    /// <exception cref="DataValidationException">A feature the schema lacks, a schema column with no feature, or another order or label.</exception>
    public void CheckAgainst(IReadOnlyList<string> schemaColumns, string? schemaLabel, string? source) =>
        SchemaMatch.Check("OMOP cohort", [.. FeatureNames], Label.Name, schemaColumns, schemaLabel, source);

    private static void Check(OmopFeature feature, string? source)
    {
        var what = $"feature '{feature.Name}'";
        var coded = OmopTable.For(feature.Source) is not null;
        if (coded && (feature.Concepts is not { Count: > 0 } || feature.Concepts.Any(c => c <= 0)))
        {
            throw new DataValidationException($"The {what} reads {OmopTable.For(feature.Source)!.Name} rows and needs at least one concept id (> 0).", source);
        }

        if (!coded && feature.Concepts is { Count: > 0 })
        {
            throw new DataValidationException($"The {what} reads the person table, which has no concepts to select: leave its Concepts out.", source);
        }

        if (feature.HasValue && feature.UnitConcept is not > 0)
        {
            throw new DataValidationException($"The {what} reads value_as_number and needs its UnitConcept (e.g. 8840 for mg/dL).", source);
        }

        TimeRule.Check(what, feature.Aggregation, feature.WindowDays, feature.HasValue, coded, source);
        foreach (var conversion in feature.Conversions ?? [])
        {
            if (!feature.HasValue || conversion.FromUnitConcept <= 0 || conversion.FromUnitConcept == feature.UnitConcept
                || !double.IsFinite(conversion.Factor) || conversion.Factor == 0 || !double.IsFinite(conversion.Offset))
            {
                throw new DataValidationException(
                    $"The {what} has a conversion that is not a finite, non-zero factor from another unit concept (from {conversion.FromUnitConcept}).", source);
            }
        }

        if (feature.Min is { } min && feature.Max is { } max && min > max)
        {
            throw new DataValidationException($"The {what} has min {min} above max {max}.", source);
        }
    }
}
