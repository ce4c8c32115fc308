using System.Numerics;

namespace FedHealth.Privacy.Distributed;

/// <summary>
/// The numbers of one distributed-DP round, derived the same way by the coordinator (to plan,
/// account and decode) and by every site (to encode): the quantization scale s, the quantized
/// sensitivities, and the total noise σ_total = z·Δ₂ split into per-site discrete Gaussian shares.
/// </summary>
/// <remarks>
/// s is chosen so that sC = <see cref="TargetScaledClipPerRootDimension"/>·√d: randomized rounding
/// then inflates the sensitivity by √d/(sC) = 0.1 %; s is halved while the modular sum could wrap
/// (<see cref="ModularWrapAround"/>), and the plan is refused when rounding would inflate the
/// sensitivity by more than 10 %.
/// </remarks>
public sealed record DistributedDpPlan
{
    /// <summary>sC/√d aimed for before the wrap-around check.</summary>
    public const double TargetScaledClipPerRootDimension = 1000;

    /// <summary>Probability that some coordinate of the sum wraps, which the plan keeps below.</summary>
    public const double WrapAroundFailureProbability = 1e-9;

    private DistributedDpPlan(int dimension, double clip, double noiseMultiplier, int expectedSites, int modulusBits, double scale)
    {
        Dimension = dimension;
        PaddedDimension = checked((int)BitOperations.RoundUpToPowerOf2((uint)dimension));
        Clip = clip;
        NoiseMultiplier = noiseMultiplier;
        ExpectedSites = expectedSites;
        ModulusBits = modulusBits;
        Scale = scale;
        L2Sensitivity = QuantizedSensitivity.L2(scale * clip, PaddedDimension, 0);
        L1Sensitivity = QuantizedSensitivity.L1(L2Sensitivity, PaddedDimension);
        Noise = new DistributedDiscreteGaussian(noiseMultiplier * L2Sensitivity, expectedSites);
    }

    /// <summary>Length of the update before rotation.</summary>
    public int Dimension { get; }

    /// <summary>Length after zero-padding to a power of two (what is quantized and summed).</summary>
    public int PaddedDimension { get; }

    /// <summary>L2 bound C of every site's update.</summary>
    public double Clip { get; }

    /// <summary>z: σ_total relative to the quantized L2 sensitivity when every expected site contributes.</summary>
    public double NoiseMultiplier { get; }

    public int ExpectedSites { get; }

    public int ModulusBits { get; }

    /// <summary>s: quantization levels per unit of the rotated update.</summary>
    public double Scale { get; }

    /// <summary>Δ₂ of one site's quantized vector: sC + √d (plain randomized rounding).</summary>
    public double L2Sensitivity { get; }

    /// <summary>Δ₁ ≤ Δ₂·min(√d, Δ₂).</summary>
    public double L1Sensitivity { get; }

    /// <summary>Each site's discrete Gaussian share: σ_site² = ⌈(zΔ₂)²/n⌉ (to 2^−16).</summary>
    public DistributedDiscreteGaussian Noise { get; }

    /// <summary>The plan for <paramref name="expectedSites"/> sites, or an exception naming what to change.</summary>
    public static DistributedDpPlan Create(int dimension, double clip, double noiseMultiplier, int expectedSites, int modulusBits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(expectedSites, 1);
        if (!(clip > 0) || double.IsInfinity(clip))
        {
            throw new ArgumentOutOfRangeException(nameof(clip), clip, "The clip C must be a finite number > 0.");
        }

        if (!(noiseMultiplier > 0) || double.IsInfinity(noiseMultiplier))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseMultiplier), noiseMultiplier, "The noise multiplier must be a finite number > 0.");
        }

        if (modulusBits is < 8 or > 62)
        {
            throw new ArgumentOutOfRangeException(nameof(modulusBits), modulusBits, "Distributed DP needs a modulus of 2^8 … 2^62.");
        }

        var padded = (int)BitOperations.RoundUpToPowerOf2((uint)dimension);
        var rootD = Math.Sqrt(padded);
        var scale = TargetScaledClipPerRootDimension * rootD / clip;
        var minimumScale = 10 * rootD / clip;
        WrapAroundCheck check;
        while (true)
        {
            var l2 = QuantizedSensitivity.L2(scale * clip, padded, 0);
            check = ModularWrapAround.Check(clip, padded, expectedSites, modulusBits, scale, noiseMultiplier * l2, WrapAroundFailureProbability);
            if (check.IsSafe)
            {
                return new DistributedDpPlan(dimension, clip, noiseMultiplier, expectedSites, modulusBits, scale);
            }

            scale /= 2;
            if (scale < minimumScale)
            {
                throw new DistributedDpConfigurationException(
                    $"No quantization scale fits {expectedSites} sites with noise multiplier {noiseMultiplier:G4} into 2^{modulusBits} " +
                    $"for a model of {dimension} parameters without rounding inflating the sensitivity by more than 10 %: {check.Message}");
            }
        }
    }

    /// <summary>The plan a site rebuilds from the coordinator's numbers (the scale is taken as given, not re-derived).</summary>
    public static DistributedDpPlan FromScale(int dimension, double clip, double noiseMultiplier, int expectedSites, int modulusBits, double scale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(expectedSites, 1);
        if (!(clip > 0) || double.IsInfinity(clip) || !(noiseMultiplier > 0) || double.IsInfinity(noiseMultiplier) || !(scale > 0) || double.IsInfinity(scale))
        {
            throw new DistributedDpConfigurationException($"Invalid distributed-DP parameters: clip {clip}, noise multiplier {noiseMultiplier}, scale {scale}.");
        }

        return new DistributedDpPlan(dimension, clip, noiseMultiplier, expectedSites, modulusBits, scale);
    }

    /// <summary>The noise standard deviation (in quantized units) present when <paramref name="contributors"/> sites added their share.</summary>
    public double NoiseStdDevWithContributors(int contributors) => Math.Sqrt(Noise.VarianceWithContributors(contributors));

    /// <summary>The noise multiplier that <paramref name="contributors"/> shares actually give: √(k·σ_site²)/Δ₂.</summary>
    public double EffectiveNoiseMultiplier(int contributors) => NoiseStdDevWithContributors(contributors) / L2Sensitivity;
}
