using FedHealth.Privacy.Clipping;
using FedHealth.Privacy.Sampling;

namespace FedHealth.Privacy.Tests.Clipping;

public sealed class ClippingTests
{
    [Fact]
    public void Clipping_bounds_every_norm_and_returns_the_original_norm()
    {
        using var random = SeededRandomSource.ForTest(101);
        var gaussian = new GaussianSampler(random);
        foreach (var dimension in new[] { 1, 2, 7, 100, 10_000 })
        {
            foreach (var scale in new[] { 1e-3, 0.1, 1.0, 10.0, 1e4 })
            {
                var v = Enumerable.Range(0, dimension).Select(_ => (float)gaussian.Next(scale)).ToArray();
                var before = L2Clipping.Norm(v);
                var copy = v.ToArray();

                var returned = L2Clipping.ClipInPlace(v, 1.0);

                Assert.Equal(before, returned);
                Assert.True(L2Clipping.Norm(v) <= 1.0, $"d={dimension} scale={scale}: {L2Clipping.Norm(v):R}");
                if (before <= 1.0)
                {
                    Assert.Equal(copy, v);
                }
                else
                {
                    Assert.InRange(L2Clipping.Norm(v), 1.0 - 1e-5, 1.0);
                }
            }
        }
    }

    [Fact]
    public void Clipping_holds_where_float_rounding_would_push_the_norm_over_the_clip()
    {
        // Many equal coordinates: C/‖x‖ · x rounds up in float for a large share of them.
        for (var n = 1; n < 300; n++)
        {
            var v = Enumerable.Repeat(0.7f, n).ToArray();
            L2Clipping.ClipInPlace(v, 0.3);
            Assert.True(L2Clipping.Norm(v) <= 0.3, $"n={n}: {L2Clipping.Norm(v):R}");
        }
    }

    [Fact]
    public void Clipping_refuses_non_finite_vectors_and_bad_clips()
    {
        Assert.Throws<ArgumentException>(() => L2Clipping.ClipInPlace(new[] { 1f, float.NaN }, 1));
        Assert.Throws<ArgumentException>(() => L2Clipping.ClipInPlace(new[] { float.PositiveInfinity }, 1));
        Assert.Equal("clip", Assert.Throws<ArgumentOutOfRangeException>(() => L2Clipping.ClipInPlace(new[] { 1f }, 0)).ParamName);
    }

    [Fact]
    public void Per_example_clipping_bounds_every_row()
    {
        using var random = SeededRandomSource.ForTest(102);
        var gaussian = new GaussianSampler(random);
        const int examples = 64;
        const int dimension = 33;
        var g = Enumerable.Range(0, examples * dimension).Select(i => (float)gaussian.Next(i % 3 == 0 ? 5 : 0.01)).ToArray();

        var norms = PerExampleClipping.ClipEach(g, examples, 0.5);

        Assert.Equal(examples, norms.Length);
        for (var i = 0; i < examples; i++)
        {
            Assert.True(L2Clipping.Norm(g.AsSpan(i * dimension, dimension)) <= 0.5);
        }
    }

    [Fact]
    public void The_clipped_sum_changes_by_at_most_the_clip_when_one_example_is_removed()
    {
        using var random = SeededRandomSource.ForTest(103);
        var gaussian = new GaussianSampler(random);
        const int examples = 20;
        const int dimension = 10;
        var g = Enumerable.Range(0, examples * dimension).Select(_ => (float)gaussian.Next(3)).ToArray();
        var sum = new float[dimension];
        var without = new float[dimension];

        var summary = PerExampleClipping.ClipAndSum(g, examples, 1.0, sum);
        PerExampleClipping.ClipAndSum(g.AsSpan(dimension), examples - 1, 1.0, without);

        var diff = sum.Zip(without, (a, b) => a - b).ToArray();
        Assert.True(L2Clipping.Norm(diff) <= 1.0 + 1e-5);
        Assert.Equal(examples, summary.Count);
        Assert.InRange(summary.ClippedFraction, 0.9, 1.0);
        Assert.True(summary.MaxNorm >= summary.MeanNorm);
    }

    [Fact]
    public void Adaptive_clipping_tracks_the_target_quantile_of_the_update_norms()
    {
        using var random = SeededRandomSource.ForTest(104);
        var clipping = new AdaptiveClipping(new AdaptiveClippingOptions(InitialClip: 0.1, TargetQuantile: 0.5, LearningRate: 0.2, IndicatorNoiseStdDev: 0.5));
        const int sites = 50;

        for (var round = 0; round < 300; round++)
        {
            // Norms uniform on [0, 10]: the median is 5.
            var below = 0;
            for (var s = 0; s < sites; s++)
            {
                var norm = 10.0 * (random.NextUInt64() >> 11) / (1UL << 53);
                below += clipping.Indicator(norm) ? 1 : 0;
            }

            clipping.Update(below, sites, random);
        }

        Assert.InRange(clipping.Clip, 4.0, 6.0);
        Assert.Equal(300, clipping.Round);
    }

    [Fact]
    public void Adaptive_clipping_charges_the_bits_to_the_update_noise()
    {
        // z = 1, σ_b = 2.5 (m = 50, m/20): z_Δ = (1 − 1/25)^(−1/2).
        var zDelta = AdaptiveClipping.UpdateNoiseMultiplier(1.0, 2.5);

        Assert.Equal(1 / Math.Sqrt(1 - 1.0 / 25), zDelta, 12);
        Assert.True(zDelta > 1.0);
    }

    [Fact]
    public void Adaptive_clipping_refuses_indicator_noise_that_is_too_small()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AdaptiveClipping.UpdateNoiseMultiplier(2.0, 1.0));

        Assert.Equal("indicatorNoiseStdDev", e.ParamName);
        Assert.Contains("σ_b > z/2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adaptive_clipping_options_are_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveClipping(new AdaptiveClippingOptions(1.0, TargetQuantile: 1.0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveClipping(new AdaptiveClippingOptions(1.0, LearningRate: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveClipping(new AdaptiveClippingOptions(0)));
    }
}
