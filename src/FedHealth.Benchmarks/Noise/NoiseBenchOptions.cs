namespace FedHealth.Benchmarks.Noise;

/// <summary>What <c>bench noise</c> measures: one site's share of distributed discrete-Gaussian noise.</summary>
public sealed record NoiseBenchOptions
{
    public int Coordinates { get; init; } = 1_000_000;

    /// <summary>σ_site in quantized units; the default is a representative share (2^14/√7, as 2^28/7 rounded up to 2^−16).</summary>
    public double SiteStdDev { get; init; } = Math.Sqrt(Math.Pow(2, 28) / 7.0);

    /// <summary>Alternating runs of each sampler; the figures are medians.</summary>
    public int Repetitions { get; init; } = 3;
}
