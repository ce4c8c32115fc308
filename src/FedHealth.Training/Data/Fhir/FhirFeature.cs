using FedHealth.Training.Data.Contracts;

namespace FedHealth.Training.Data.Fhir;

/// <summary>
/// One feature of the data contract: its name in the study schema, where it comes from, the codes
/// that identify it, its unit with the conversions from other units, and its allowed range.
/// </summary>
public sealed record FhirFeature(string Name, FeatureSource Source)
{
    public IReadOnlyList<FhirCoding> Codes { get; init; } = [];

    /// <summary>The UCUM unit the feature is expressed in (observations only).</summary>
    public string? Unit { get; init; }

    public IReadOnlyList<UnitConversion> Conversions { get; init; } = [];

    /// <summary>How the feature's dated records are aggregated; null: Last for Observations, Ever for Conditions and medications.</summary>
    public TimeAggregation? Aggregation { get; init; }

    /// <summary>Only records dated in the WindowDays days ending on the index date count (required for Mean).</summary>
    public int? WindowDays { get; init; }

    public TimeAggregation Rule => TimeRule.Resolve(Aggregation, Source == FeatureSource.Observation);

    public double? Min { get; init; }

    public double? Max { get; init; }

    public bool Matches(IEnumerable<FhirCoding> codings) => codings.Any(Codes.Contains);
}
