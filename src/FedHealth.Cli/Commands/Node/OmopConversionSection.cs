namespace FedHealth.Cli.Commands.Node;

/// <summary>A unit conversion of an OMOP feature: value × Factor + Offset from the unit concept <see cref="FromUnitConcept"/>.</summary>
internal sealed class OmopConversionSection
{
    public int FromUnitConcept { get; set; }

    public double Factor { get; set; } = 1;

    public double Offset { get; set; }
}
