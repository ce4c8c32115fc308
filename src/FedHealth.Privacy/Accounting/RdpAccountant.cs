namespace FedHealth.Privacy.Accounting;

/// <summary>
/// The entry point for "what ε does this spend?": the Poisson-subsampled Gaussian composed over
/// steps, converted to (ε, δ). This is what <c>fedhealth privacy epsilon</c> prints.
/// </summary>
public static class RdpAccountant
{
    /// <summary>ε(σ, q, T, δ) and its best order, over <paramref name="orders"/> (default: <see cref="RdpOrders.Default"/>).</summary>
    public static EpsilonResult Epsilon(
        double noiseMultiplier, double samplingRate, long steps, double delta, IReadOnlyList<double>? orders = null)
    {
        Guard.NoiseMultiplier(noiseMultiplier, nameof(noiseMultiplier));
        Guard.SamplingRate(samplingRate, nameof(samplingRate));
        Guard.Steps(steps, nameof(steps));
        Guard.Delta(delta, nameof(delta));
        return SubsampledGaussianRdp.Curve(samplingRate, noiseMultiplier, steps, orders).ToEpsilon(delta);
    }
}
