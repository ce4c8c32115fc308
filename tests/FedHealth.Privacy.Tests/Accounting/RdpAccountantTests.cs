using FedHealth.Privacy.Accounting;

namespace FedHealth.Privacy.Tests.Accounting;

public sealed class RdpAccountantTests
{
    [Fact]
    public void More_steps_never_lower_epsilon()
    {
        var previous = 0.0;
        foreach (var steps in new long[] { 0, 1, 10, 100, 1000, 10_000, 100_000 })
        {
            var eps = RdpAccountant.Epsilon(1.1, 0.01, steps, 1e-5).Epsilon;
            Assert.True(eps >= previous, $"{steps} steps gave {eps} < {previous}");
            previous = eps;
        }
    }

    [Fact]
    public void A_larger_sampling_rate_never_lowers_epsilon()
    {
        var previous = 0.0;
        foreach (var q in new[] { 1e-5, 1e-4, 1e-3, 0.01, 0.05, 0.2, 0.5, 0.9, 1.0 })
        {
            var eps = RdpAccountant.Epsilon(1.5, q, 500, 1e-5).Epsilon;
            Assert.True(eps >= previous, $"q = {q} gave {eps} < {previous}");
            previous = eps;
        }
    }

    [Fact]
    public void More_noise_never_raises_epsilon()
    {
        var previous = double.PositiveInfinity;
        foreach (var sigma in new[] { 0.4, 0.6, 0.8, 1.0, 1.5, 2.0, 4.0, 10.0, 50.0 })
        {
            var eps = RdpAccountant.Epsilon(sigma, 0.02, 2000, 1e-6).Epsilon;
            Assert.True(eps <= previous, $"σ = {sigma} gave {eps} > {previous}");
            previous = eps;
        }
    }

    [Fact]
    public void Zero_steps_spend_nothing_beyond_the_conversion_floor()
    {
        var curve = SubsampledGaussianRdp.Curve(0.1, 1.0, 0);

        Assert.All(curve.Values, v => Assert.Equal(0, v));
        Assert.InRange(RdpAccountant.Epsilon(1.0, 0.1, 0, 1e-5).Epsilon, 0, 0.004);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void A_non_positive_noise_multiplier_is_refused(double sigma)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RdpAccountant.Epsilon(sigma, 0.1, 10, 1e-5));
        Assert.Equal("noiseMultiplier", e.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.0000001)]
    [InlineData(double.NaN)]
    public void A_sampling_rate_outside_0_1_is_refused(double q)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RdpAccountant.Epsilon(1.0, q, 10, 1e-5));
        Assert.Equal("samplingRate", e.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-1e-5)]
    public void A_delta_outside_0_1_is_refused(double delta)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RdpAccountant.Epsilon(1.0, 0.1, 10, delta));
        Assert.Equal("delta", e.ParamName);
    }

    [Fact]
    public void Negative_steps_are_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RdpAccountant.Epsilon(1.0, 0.1, -1, 1e-5));
        Assert.Equal("steps", e.ParamName);
    }

    [Fact]
    public void Rdp_curves_of_different_mechanisms_compose_order_by_order()
    {
        var a = SubsampledGaussianRdp.Curve(0.01, 1.0, 100);
        var b = SubsampledGaussianRdp.Curve(1.0, 5.0, 3);

        var sum = a.Add(b);

        for (var i = 0; i < sum.Values.Length; i++)
        {
            Assert.Equal(a.Values[i] + b.Values[i], sum.Values[i]);
        }

        Assert.True(sum.ToEpsilon(1e-5).Epsilon <= a.ToEpsilon(1e-5).Epsilon + b.ToEpsilon(1e-5).Epsilon);
        Assert.Equal(a.Times(2).Values.ToArray(), a.Add(a).Values.ToArray());
    }

    [Fact]
    public void The_conversion_clamps_epsilon_at_zero_and_returns_the_best_order()
    {
        var zero = RdpCurve.Zero();
        var result = zero.ToEpsilon(0.5);

        Assert.Equal(0, result.Epsilon);
        Assert.Contains(result.Order, RdpOrders.Default);
    }
}
