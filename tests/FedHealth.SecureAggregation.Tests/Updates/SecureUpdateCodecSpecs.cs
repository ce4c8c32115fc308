using FedHealth.Core.Training;
using FedHealth.Privacy.Distributed;
using FedHealth.SecureAggregation.Quantization;
using FedHealth.SecureAggregation.Updates;

namespace FedHealth.SecureAggregation.Tests.Updates;

/// <summary>The sites encode and the coordinator decodes with the same codec: the modular sum of the encodings decodes to the mean update.</summary>
public sealed class SecureUpdateCodecSpecs
{
    private static readonly float[] Global = [0.5f, -1f, 2f];

    [Fact]
    public void The_sum_of_weighted_encodings_decodes_to_the_example_weighted_mean_update()
    {
        var quantization = SecAggQuantization.ForSites(3, clipRange: 4, maxWeight: 1000);
        var spec = new SecureAggregationSpec(quantization.ClipRange, quantization.Scale, quantization.MaxWeight, quantization.ModulusBits, UnitWeights: false);
        var codec = new SecureUpdateCodec(spec, Global.Length);
        (float[] Local, long Rows)[] sites = [([1.5f, -1f, 2f], 10), ([0.5f, 0f, 2f], 30), ([0.5f, -1f, 3f], 60)];

        var decoded = codec.Decode(Sum(sites.Select(s => codec.Encode(Global, s.Local, s.Rows)), spec.ModulusBits), sites.Length);

        Assert.Equal(100, decoded.TotalWeight);
        Assert.Null(decoded.Distributed);
        Assert.Equal(0.1, decoded.Mean[0], 3);
        Assert.Equal(0.3, decoded.Mean[1], 3);
        Assert.Equal(0.6, decoded.Mean[2], 3);
    }

    [Fact]
    public void Under_distributed_dp_every_site_counts_once_and_the_decoded_mean_is_over_the_contributors()
    {
        var plan = DistributedDpPlan.Create(Global.Length, clip: 10, noiseMultiplier: 1e-4, expectedSites: 3, modulusBits: 32);
        var dp = new DistributedDpSpec(10, plan.Scale, 1e-4, 3, new byte[32]);
        var spec = new SecureAggregationSpec(4, 1, 1000, 32, UnitWeights: true, dp);
        var codec = new SecureUpdateCodec(spec, Global.Length);
        float[][] locals = [[1.5f, -1f, 2f], [0.5f, 0f, 2f], [0.5f, -1f, 3f]];

        var decoded = codec.Decode(Sum(locals.Select(l => codec.Encode(Global, l, 1000)), 32), locals.Length);

        Assert.Equal(3, decoded.TotalWeight);
        Assert.NotNull(decoded.Distributed);
        Assert.Equal(1 / 3.0, decoded.Mean[0], 2);
        Assert.Equal(1 / 3.0, decoded.Mean[1], 2);
        Assert.Equal(1 / 3.0, decoded.Mean[2], 2);
    }

    [Fact]
    public void A_sum_that_counts_other_contributors_than_were_included_is_refused()
    {
        var plan = DistributedDpPlan.Create(Global.Length, clip: 10, noiseMultiplier: 1e-4, expectedSites: 3, modulusBits: 32);
        var spec = new SecureAggregationSpec(4, 1, 1000, 32, UnitWeights: true, new DistributedDpSpec(10, plan.Scale, 1e-4, 3, new byte[32]));
        var codec = new SecureUpdateCodec(spec, Global.Length);

        var two = Sum([codec.Encode(Global, Global, 1), codec.Encode(Global, Global, 1)], 32);

        Assert.Throws<InvalidOperationException>(() => codec.Decode(two, 3));
    }

    [Fact]
    public void Models_of_another_size_than_the_rounds_are_refused()
    {
        var spec = new SecureAggregationSpec(4, 100, 1000, 32, UnitWeights: false);
        var codec = new SecureUpdateCodec(spec, Global.Length);

        Assert.Throws<ArgumentException>(() => codec.Encode(Global, [1f, 2f], 10));
    }

    private static ulong[] Sum(IEnumerable<ulong[]> encodings, int modulusBits)
    {
        var mask = modulusBits == 64 ? ulong.MaxValue : (1UL << modulusBits) - 1;
        ulong[]? sum = null;
        foreach (var encoding in encodings)
        {
            sum ??= new ulong[encoding.Length];
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] = (sum[i] + encoding[i]) & mask;
            }
        }

        return sum!;
    }
}
