using FedHealth.Privacy.Clipping;
using FedHealth.Privacy.Distributed;
using FedHealth.Privacy.Sampling;

namespace FedHealth.Privacy.Tests.Distributed;

public sealed class DistributedDpCodecSpecs
{
    private static readonly byte[] Seed = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void The_decoded_sum_is_the_sum_of_the_clipped_updates_when_the_noise_is_negligible()
    {
        var plan = DistributedDpPlan.Create(dimension: 300, clip: 1.0, noiseMultiplier: 1e-7, expectedSites: 5, modulusBits: 32);
        var codec = new DistributedDpCodec(plan, Seed);
        var updates = Enumerable.Range(0, 5).Select(s => Update(300, 40 + s, scale: s == 0 ? 10 : 0.02)).ToList();
        var sum = new long[plan.PaddedDimension];
        for (var s = 0; s < updates.Count; s++)
        {
            using var random = SeededRandomSource.ForTest(s);
            var encoded = codec.Encode(updates[s], random);
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += encoded[i];
            }
        }

        var decoded = codec.DecodeSum(sum);

        var expected = new double[300];
        foreach (var update in updates)
        {
            var clipped = update.ToArray();
            L2Clipping.ClipInPlace(clipped, 1.0);
            for (var i = 0; i < expected.Length; i++)
            {
                expected[i] += clipped[i];
            }
        }

        // Rounding moves each of the 5 contributions by < 1 quantum per coordinate before rotation back.
        var tolerance = 5 * Math.Sqrt(plan.PaddedDimension) / plan.Scale;
        var error = Math.Sqrt(expected.Select((e, i) => (e - decoded[i]) * (e - decoded[i])).Sum());
        Assert.True(error < tolerance, $"‖error‖ = {error}, allowed {tolerance}");
    }

    [Fact]
    public void A_site_far_outside_the_clip_contributes_at_most_the_clip()
    {
        var plan = DistributedDpPlan.Create(64, clip: 0.5, noiseMultiplier: 1e-7, expectedSites: 3, modulusBits: 32);
        var codec = new DistributedDpCodec(plan, Seed);
        using var random = SeededRandomSource.ForTest(7);

        var decoded = codec.DecodeSum(codec.Encode(Update(64, 1, scale: 1000), random));

        Assert.InRange(L2Clipping.Norm(decoded), 0.49, 0.5 + (Math.Sqrt(64) / plan.Scale));
    }

    [Fact]
    public void The_noise_in_the_sum_has_the_variance_of_the_sites_that_contributed()
    {
        var plan = DistributedDpPlan.Create(4096, clip: 1.0, noiseMultiplier: 0.8, expectedSites: 4, modulusBits: 32);
        var codec = new DistributedDpCodec(plan, Seed);
        var zero = new float[4096];
        var sum = new long[plan.PaddedDimension];
        const int contributors = 3; // one of the four expected sites dropped out
        for (var s = 0; s < contributors; s++)
        {
            using var random = SeededRandomSource.ForTest(100 + s);
            var encoded = codec.Encode(zero, random);
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += encoded[i];
            }
        }

        var variance = sum.Select(x => (double)x * x).Average();

        Assert.InRange(variance / plan.Noise.VarianceWithContributors(contributors), 0.95, 1.05);
        Assert.Equal(0.8 * Math.Sqrt(3.0 / 4), plan.EffectiveNoiseMultiplier(contributors), 3);
    }

    [Fact]
    public void Randomized_rounding_is_unbiased_and_never_moves_more_than_one()
    {
        using var random = SeededRandomSource.ForTest(3);
        var draws = Enumerable.Range(0, 100_000).Select(_ => DistributedDpCodec.RandomizedRound(2.3, random)).ToList();

        Assert.All(draws, d => Assert.InRange(d, 2, 3));
        Assert.InRange(draws.Average(), 2.29, 2.31);
    }

    [Fact]
    public void Rounding_inflates_the_sensitivity_by_a_tenth_of_a_percent()
    {
        var plan = DistributedDpPlan.Create(1000, clip: 2.0, noiseMultiplier: 1.0, expectedSites: 10, modulusBits: 32);

        Assert.Equal(1024, plan.PaddedDimension);
        Assert.InRange(plan.L2Sensitivity / (plan.Scale * plan.Clip), 1.0, 1.0011);
        Assert.True(ModularWrapAround.Check(2.0, 1024, 10, 32, plan.Scale, plan.NoiseStdDevWithContributors(10)).IsSafe);
    }

    [Fact]
    public void A_small_modulus_lowers_the_scale_until_the_sum_cannot_wrap()
    {
        var roomy = DistributedDpPlan.Create(1 << 16, clip: 1.0, noiseMultiplier: 1.0, expectedSites: 100, modulusBits: 40);
        var tight = DistributedDpPlan.Create(1 << 16, clip: 1.0, noiseMultiplier: 1.0, expectedSites: 100, modulusBits: 20);

        Assert.True(tight.Scale < roomy.Scale);
        Assert.True(ModularWrapAround.Check(1.0, 1 << 16, 100, 20, tight.Scale, tight.NoiseStdDevWithContributors(100)).IsSafe);
    }

    [Fact]
    public void A_modulus_that_cannot_hold_the_noisy_sum_is_refused_with_what_to_change()
    {
        var refusal = Assert.Throws<DistributedDpConfigurationException>(
            () => DistributedDpPlan.Create(1 << 20, clip: 1.0, noiseMultiplier: 50, expectedSites: 1000, modulusBits: 16));

        Assert.Contains("2^16", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("modulus", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_site_rebuilds_exactly_the_coordinators_noise_from_the_scale_it_is_sent()
    {
        var coordinator = DistributedDpPlan.Create(777, clip: 0.3, noiseMultiplier: 1.7, expectedSites: 6, modulusBits: 32);

        var site = DistributedDpPlan.FromScale(777, 0.3, 1.7, 6, 32, coordinator.Scale);

        Assert.Equal(coordinator.Noise.SiteVariance, site.Noise.SiteVariance);
        Assert.Equal(coordinator.L2Sensitivity, site.L2Sensitivity);
    }

    [Theory]
    [InlineData(0, 1.0, 1.0, 4)]
    [InlineData(10, 0.0, 1.0, 4)]
    [InlineData(10, 1.0, -1.0, 4)]
    [InlineData(10, 1.0, 1.0, 0)]
    public void Invalid_plans_are_refused(int dimension, double clip, double noise, int sites)
    {
        Assert.ThrowsAny<ArgumentException>(() => DistributedDpPlan.Create(dimension, clip, noise, sites, 32));
    }

    private static float[] Update(int length, int seed, double scale)
    {
        using var random = SeededRandomSource.ForTest(seed);
        var gaussian = new GaussianSampler(random);
        return Enumerable.Range(0, length).Select(_ => (float)(gaussian.Next(1.0) * scale / Math.Sqrt(length))).ToArray();
    }
}
