using FedHealth.Privacy.Clipping;
using FedHealth.Privacy.Sampling;

namespace FedHealth.Privacy.Distributed;

/// <summary>
/// A site's distributed-DP encoding of its update and the coordinator's decoding of the sum
/// (Kairouz, Liu, Steinke 2021): clip to L2 norm C, rotate with the round's shared randomized
/// Hadamard transform, scale by s, round randomly to integers, add the site's discrete Gaussian
/// share. The integers go into the secure sum; the decoded sum divided by s and rotated back is
/// the sum of the clipped updates plus the noise of every contributing site.
/// </summary>
public sealed class DistributedDpCodec
{
    private readonly RandomizedHadamard _rotation;

    public DistributedDpCodec(DistributedDpPlan plan, ReadOnlySpan<byte> rotationSeed)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        _rotation = new RandomizedHadamard(plan.Dimension, rotationSeed);
    }

    public DistributedDpPlan Plan { get; }

    /// <summary>
    /// The site's noisy integer vector (length <see cref="DistributedDpPlan.PaddedDimension"/>).
    /// <paramref name="random"/> must be a CSPRNG (<see cref="OsRandomSource"/>): it draws the
    /// rounding and the noise, which protect the site.
    /// </summary>
    public long[] Encode(ReadOnlySpan<float> update, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (update.Length != Plan.Dimension)
        {
            throw new ArgumentException($"The update has {update.Length} values; the plan is for {Plan.Dimension}.", nameof(update));
        }

        var clipped = update.ToArray();
        L2Clipping.ClipInPlace(clipped, Plan.Clip);
        var rotated = _rotation.Rotate(clipped);
        var result = new long[rotated.Length];
        for (var i = 0; i < rotated.Length; i++)
        {
            result[i] = RandomizedRound(rotated[i] * Plan.Scale, random);
        }

        Plan.Noise.AddNoise(result, random);
        return result;
    }

    /// <summary>Σ (clipped update) + noise/s, back in the original coordinates, from the decoded integer sum.</summary>
    public float[] DecodeSum(ReadOnlySpan<long> sum)
    {
        if (sum.Length != Plan.PaddedDimension)
        {
            throw new ArgumentException($"The sum has {sum.Length} values; the plan needs {Plan.PaddedDimension}.", nameof(sum));
        }

        var scaled = new double[sum.Length];
        for (var i = 0; i < sum.Length; i++)
        {
            scaled[i] = sum[i] / Plan.Scale;
        }

        return _rotation.InverseRotate(scaled);
    }

    /// <summary>⌊x⌋ + Bernoulli(x − ⌊x⌋): unbiased, and within 1 of x.</summary>
    internal static long RandomizedRound(double x, IRandomSource random)
    {
        var floor = Math.Floor(x);
        var fraction = x - floor;
        var uniform = (random.NextUInt64() >> 11) * (1.0 / (1UL << 53));
        return (long)floor + (uniform < fraction ? 1 : 0);
    }
}
