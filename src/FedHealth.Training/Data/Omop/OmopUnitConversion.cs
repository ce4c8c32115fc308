namespace FedHealth.Training.Data.Omop;

/// <summary>
/// A linear conversion from the unit concept <see cref="FromUnitConcept"/> into the feature's unit:
/// value × <see cref="Factor"/> + <see cref="Offset"/>. Cholesterol mmol/L (8753) → mg/dL (8840) is factor 38.67.
/// </summary>
public sealed record OmopUnitConversion(int FromUnitConcept, double Factor, double Offset = 0)
{
    public double Apply(double value) => (value * Factor) + Offset;
}
