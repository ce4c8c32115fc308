namespace FedHealth.Training.Data.Contracts;

/// <summary>What the conformance count needs of a feature, whatever the source: its name and allowed range.</summary>
internal sealed record ContractFeature(string Name, double? Min, double? Max)
{
    public bool IsOutOfRange(double value) => value < (Min ?? double.NegativeInfinity) || value > (Max ?? double.PositiveInfinity);
}
