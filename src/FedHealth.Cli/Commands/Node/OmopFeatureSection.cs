namespace FedHealth.Cli.Commands.Node;

/// <summary>
/// One entry of <c>Node:Data:Omop:Features</c>: the schema column, its source (PersonAge, PersonSex,
/// Measurement, Observation, Condition, Drug), standard concept ids, unit concept and conversions, range.
/// </summary>
internal sealed class OmopFeatureSection
{
    public string? Name { get; set; }

    public string? Source { get; set; }

    public List<int> Concepts { get; set; } = [];

    public int? UnitConcept { get; set; }

    public List<OmopConversionSection> Conversions { get; set; } = [];

    public double? Min { get; set; }

    public double? Max { get; set; }
}
