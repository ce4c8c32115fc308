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

    public double? Min { get; init; }

    public double? Max { get; init; }

    public bool HasValue => Source is OmopSource.Measurement or OmopSource.Observation;

    public bool IsEver => Source is OmopSource.Condition or OmopSource.Drug;
}
