using FedHealth.SecureAggregation.Errors;
using FedHealth.SecureAggregation.SecureSum;

namespace FedHealth.SecureAggregation.Quantization;

/// <summary>
/// How a float update becomes integers mod 2^m: each value is clipped to ±<see cref="ClipRange"/>,
/// multiplied by the site's weight (its example count, at most <see cref="MaxWeight"/>) and by
/// <see cref="Scale"/>, and stochastically rounded. Every site and the coordinator must use the
/// same instance; <see cref="EnsureNoOverflow"/> refuses one whose sum could wrap.
/// </summary>
public sealed record SecAggQuantization
{
    public SecAggQuantization(double clipRange, double scale, long maxWeight, int modulusBits = 32)
    {
        if (!(clipRange > 0) || double.IsInfinity(clipRange))
        {
            throw new SecureAggregationConfigurationException($"The clip range must be positive and finite, not {clipRange}.");
        }

        if (!(scale > 0) || double.IsInfinity(scale))
        {
            throw new SecureAggregationConfigurationException($"The scale must be positive and finite, not {scale}.");
        }

        if (maxWeight < 1)
        {
            throw new SecureAggregationConfigurationException($"The maximum weight must be at least 1, not {maxWeight}.");
        }

        if (modulusBits is < 2 or > 64)
        {
            throw new SecureAggregationConfigurationException($"The modulus must be 2^m with 2 ≤ m ≤ 64, not m = {modulusBits}.");
        }

        ClipRange = clipRange;
        Scale = scale;
        MaxWeight = maxWeight;
        ModulusBits = modulusBits;
    }

    public double ClipRange { get; }

    /// <summary>Quantization levels per unit of weight × value.</summary>
    public double Scale { get; }

    /// <summary>Weights above this count as this: it bounds any one site's influence and the sum's range.</summary>
    public long MaxWeight { get; }

    public int ModulusBits { get; }

    /// <summary>The largest magnitude one site's quantized element can have (including the rounding step).</summary>
    public UInt128 MaxAbsQuantized => (UInt128)Math.Floor(MaxWeight * ClipRange * Scale) + 1;

    /// <summary>
    /// The largest scale with which <paramref name="sites"/> sites can never overflow 2^m:
    /// sites × (MaxWeight·ClipRange·Scale + 1) ≤ 2^(m−1) − 1.
    /// </summary>
    public static SecAggQuantization ForSites(int sites, double clipRange, long maxWeight, int modulusBits = 32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sites, 1);
        var limit = Math.Pow(2, modulusBits - 1) - 1;
        var scale = ((limit / sites) - 2) / (maxWeight * clipRange) * (1 - 1e-9);
        if (!(scale > 0))
        {
            throw new SecureAggregationConfigurationException(
                $"No scale lets {sites} sites of weight up to {maxWeight} sum values of ±{clipRange} within 2^{modulusBits}.");
        }

        var quantization = new SecAggQuantization(clipRange, scale, maxWeight, modulusBits);
        quantization.EnsureNoOverflow(sites);
        return quantization;
    }

    /// <summary>Throws unless the weighted, quantized vectors of <paramref name="sites"/> sites sum without wrapping.</summary>
    public void EnsureNoOverflow(int sites)
    {
        SecureSumBounds.EnsureNoOverflow(sites, MaxAbsQuantized, ModulusBits);
        SecureSumBounds.EnsureNoOverflow(sites, (UInt128)MaxWeight, ModulusBits);
    }
}
