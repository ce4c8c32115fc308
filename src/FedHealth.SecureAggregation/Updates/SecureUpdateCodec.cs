using FedHealth.Core.Training;
using FedHealth.Privacy.Distributed;
using FedHealth.Privacy.Sampling;
using FedHealth.SecureAggregation.Quantization;
using FedHealth.SecureAggregation.SecureSum;

namespace FedHealth.SecureAggregation.Updates;

/// <summary>
/// The one codec for the updates a secure round sums, used by the sites to encode and by the
/// coordinator to decode, as the round's <see cref="SecureAggregationSpec"/> says: the weighted,
/// quantized update [w, w·Δ]; or under distributed DP [1, the clipped, rotated, quantized Δ plus
/// this site's discrete Gaussian share]. The randomness that protects a site (stochastic rounding
/// and noise) comes from the OS CSPRNG.
/// </summary>
public sealed class SecureUpdateCodec
{
    private readonly SecureAggregationSpec _spec;
    private readonly SecAggQuantization _quantization;
    private readonly DistributedDpCodec? _distributed;
    private readonly int _dimension;

    /// <param name="dimension">The model's number of weights.</param>
    public SecureUpdateCodec(SecureAggregationSpec spec, int dimension)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _spec = spec;
        _dimension = dimension;
        _quantization = new SecAggQuantization(spec.ClipRange, spec.Scale, spec.MaxWeight, spec.ModulusBits);
        if (spec.DistributedDp is { } dp)
        {
            var plan = DistributedDpPlan.FromScale(dimension, dp.Clip, dp.NoiseMultiplier, dp.ExpectedSites, spec.ModulusBits, dp.Scale);
            _distributed = new DistributedDpCodec(plan, dp.RotationSeed);
        }
    }

    /// <summary>The length of an encoded update: one count or weight, then the (padded, under distributed DP) update.</summary>
    public int VectorLength => (_distributed?.Plan.PaddedDimension ?? _dimension) + 1;

    /// <summary>A site's side: its update Δ = local − global, encoded for masking.</summary>
    public ulong[] Encode(ReadOnlySpan<float> global, ReadOnlySpan<float> local, long numExamples)
    {
        if (global.Length != _dimension || local.Length != _dimension)
        {
            throw new ArgumentException($"The models have {global.Length} and {local.Length} weights; the round's has {_dimension}.", nameof(local));
        }

        var delta = WeightVectors.Difference(local, global);
        if (_distributed is null)
        {
            return WeightedUpdateCodec.Encode(delta, _spec.UnitWeights ? 1 : numExamples, _quantization);
        }

        using var random = new OsRandomSource();
        var noisy = _distributed.Encode(delta, random);
        var encoded = new ulong[noisy.Length + 1];
        encoded[0] = SignedEncoding.Encode(1, _spec.ModulusBits);
        for (var i = 0; i < noisy.Length; i++)
        {
            encoded[i + 1] = SignedEncoding.Encode(noisy[i], _spec.ModulusBits);
        }

        return encoded;
    }

    /// <summary>
    /// The coordinator's side: the mean update from the modular sum of <paramref name="contributors"/>
    /// encoded updates. Under distributed DP element 0 counts the contributions, and must say
    /// exactly <paramref name="contributors"/>: the mean is over the sites whose input (and noise) is in the sum.
    /// </summary>
    public DecodedUpdate Decode(ReadOnlySpan<ulong> sum, int contributors)
    {
        if (sum.Length != VectorLength)
        {
            throw new ArgumentException($"The sum has {sum.Length} elements; an encoded update has {VectorLength}.", nameof(sum));
        }

        if (_distributed is null)
        {
            var weighted = WeightedUpdateCodec.Decode(sum, _quantization);
            return new DecodedUpdate(weighted.Mean, weighted.TotalWeight, null);
        }

        var bits = _spec.ModulusBits;
        var counted = SignedEncoding.Decode(sum[0], bits);
        if (counted != contributors)
        {
            throw new InvalidOperationException($"The secure sum counts {counted} contributions but {contributors} sites were included.");
        }

        var total = _distributed.DecodeSum(SignedEncoding.Decode(sum[1..], bits));
        var mean = new float[total.Length];
        for (var i = 0; i < mean.Length; i++)
        {
            mean[i] = total[i] / contributors;
        }

        return new DecodedUpdate(mean, contributors, _distributed.Plan);
    }
}
