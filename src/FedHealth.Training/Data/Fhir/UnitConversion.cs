namespace FedHealth.Training.Data.Fhir;

/// <summary>
/// A linear conversion from <see cref="From"/> (a UCUM unit) into the feature's unit:
/// value × <see cref="Factor"/> + <see cref="Offset"/>. Cholesterol mmol/L → mg/dL is factor 38.67.
/// </summary>
public sealed record UnitConversion(string From, double Factor, double Offset = 0)
{
    public double Apply(double value) => (value * Factor) + Offset;
}
