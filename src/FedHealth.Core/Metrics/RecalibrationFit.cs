namespace FedHealth.Core.Metrics;

/// <summary>
/// Logistic recalibration <c>logit P(y = 1) = Intercept + Slope · logit(p)</c>: a perfectly
/// calibrated model has slope 1 and intercept 0; slope &lt; 1 means over-confident predictions.
/// Both NaN when the fit is undefined (one class only, all examples in one bin, or separable).
/// </summary>
public sealed record RecalibrationFit(double Intercept, double Slope)
{
    public static RecalibrationFit Undefined { get; } = new(double.NaN, double.NaN);
}
