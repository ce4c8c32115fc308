using FedHealth.Core.Training;
using FedHealth.Privacy.Distributed;
using FedHealth.Privacy.Sampling;
using FedHealth.SecureAggregation.Quantization;
using FedHealth.SecureAggregation.SecureSum;

namespace FedHealth.Node.SecureAggregation;

/// <summary>
/// Turns a site's trained model into the integer vector it masks, as the round's
/// <see cref="SecureAggregationSpec"/> says: the weighted, quantized update [w, w·Δ], or under
/// distributed DP [1, clipped-rotated-quantized Δ + this site's noise share]. The randomness that
/// protects the site (rounding and noise) comes from the OS CSPRNG.
/// </summary>
public static class SecureUpdateEncoder
{
    public static ulong[] Encode(ReadOnlySpan<float> global, ReadOnlySpan<float> local, long numExamples, SecureAggregationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (global.Length != local.Length)
        {
            throw new ArgumentException($"The trained model has {local.Length} weights; the global model has {global.Length}.", nameof(local));
        }

        var delta = new float[global.Length];
        for (var i = 0; i < delta.Length; i++)
        {
            delta[i] = local[i] - global[i];
        }

        if (spec.DistributedDp is not { } dp)
        {
            var quantization = new SecAggQuantization(spec.ClipRange, spec.Scale, spec.MaxWeight, spec.ModulusBits);
            return WeightedUpdateCodec.Encode(delta, spec.UnitWeights ? 1 : numExamples, quantization);
        }

        var plan = DistributedDpPlan.FromScale(delta.Length, dp.Clip, dp.NoiseMultiplier, dp.ExpectedSites, spec.ModulusBits, dp.Scale);
        var codec = new DistributedDpCodec(plan, dp.RotationSeed);
        using var random = new OsRandomSource();
        var noisy = codec.Encode(delta, random);
        var encoded = new ulong[noisy.Length + 1];
        encoded[0] = SignedEncoding.Encode(1, spec.ModulusBits);
        for (var i = 0; i < noisy.Length; i++)
        {
            encoded[i + 1] = SignedEncoding.Encode(noisy[i], spec.ModulusBits);
        }

        return encoded;
    }
}
