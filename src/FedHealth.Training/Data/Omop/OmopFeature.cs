using FedHealth.Training.Data.Contracts;

namespace FedHealth.Training.Data.Omop;

/// <summary>
/// One feature of the OMOP contract: its name in the study schema, the table it comes from, the
/// standard concept ids that identify it, its unit concept with conversions from other units, and its allowed range.
/// </summary>
public sealed record OmopFeature(string Name, OmopSource Source)
{
    public IReadOnlyList<int> Concepts { get; init; } = [];

    /// <summary>The unit concept the feature is expressed in (measurement and observation features), e.g. 8840 for mg/dL.</summary>
    public int? UnitConcept { get; init; }

    public IReadOnlyList<OmopUnitConversion> Conversions { get; init; } = [];

    /// <summary>How the feature's dated rows are aggregated; null: Last for measurements and observations, Ever for conditions and drugs.</summary>
    public TimeAggregation? Aggregation { get; init; }

    /// <summary>Only rows dated in the WindowDays days ending on the index date count (required for Mean).</summary>
    public int? WindowDays { get; init; }

    public TimeAggregation Rule => TimeRule.Resolve(Aggregation, HasValue);

    public double? Min { get; init; }

    public double? Max { get; init; }

    public bool HasValue => Source is OmopSource.Measurement or OmopSource.Observation;

    public bool IsEver => Source is OmopSource.Condition or OmopSource.Drug;
}
