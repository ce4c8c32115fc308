using FedHealth.Privacy.Accounting;

namespace FedHealth.Privacy.Tests.Accounting;

public sealed class SubsampledGaussianRdpTests
{
    [Theory]
    [InlineData(1.0, 1)]
    [InlineData(1.3, 6000)]
    [InlineData(0.7, 17)]
    [InlineData(4.0, 123456)]
    public void Rdp_of_the_Gaussian_with_q_1_equals_T_alpha_over_two_sigma_squared_exactly(double sigma, long steps)
    {
        var curve = SubsampledGaussianRdp.Curve(1.0, sigma, steps);

        for (var i = 0; i < curve.Orders.Length; i++)
        {
            var alpha = curve.Orders[i];
            Assert.Equal(steps * (alpha / (2 * sigma * sigma)), curve.Values[i]);
        }

        Assert.Contains(curve.Orders, a => a != Math.Floor(a));
        Assert.Contains(curve.Orders, a => a == Math.Floor(a));
    }

    [Fact]
    public void The_default_orders_are_those_of_dp_accounting()
    {
        var orders = RdpOrders.Default;

        Assert.Equal(156, orders.Length);
        Assert.Equal(1.1, orders[0]);
        Assert.Equal(10.9, orders[98]);
        Assert.Equal(Enumerable.Range(11, 53).Select(i => (double)i), orders.Skip(99).Take(53));
        Assert.Equal(new double[] { 128, 256, 512, 1024 }, orders.TakeLast(4));
    }

    [Fact]
    public void The_mnist_reference_point_sigma_1_3_gives_epsilon_0_7242_at_order_19()
    {
        var result = RdpAccountant.Epsilon(1.3, 150.0 / 60000, 6000, 1e-5);

        Assert.Equal(0.7242, result.Epsilon, 4);
        Assert.Equal(19, result.Order);
        Assert.Equal(1e-5, result.Delta);
    }

    [Fact]
    public void The_reference_point_sigma_1_1_gives_epsilon_2_5967_at_order_about_8()
    {
        var result = RdpAccountant.Epsilon(1.1, 256.0 / 60000, 14063, 1e-5);

        Assert.Equal(2.597, Math.Round(result.Epsilon, 3));
        Assert.InRange(result.Epsilon, 2.59665, 2.5967 + 5e-5);
        Assert.InRange(result.Order, 7.5, 8.5);
    }

    [Theory]
    [InlineData(0.01, 1.0)]
    [InlineData(0.3, 2.0)]
    [InlineData(1e-5, 0.8)]
    [InlineData(0.6, 0.9)]
    public void Fractional_series_equals_the_integer_formula_at_integer_orders(double q, double sigma)
    {
        foreach (var alpha in new[] { 2, 3, 5, 11 })
        {
            var integer = SubsampledGaussianRdp.Log1pUpperInteger(q, sigma, alpha);
            var fractional = SubsampledGaussianRdp.Log1pUpperFractional(q, sigma, alpha);

            Assert.Equal(integer, fractional, integer * 1e-9 + 1e-300);
        }
    }

    [Theory]
    [InlineData(0.01, 1.0, 1.5)]
    [InlineData(0.01, 1.0, 1.1)]
    [InlineData(0.0025, 1.3, 19.5)]
    [InlineData(0.1, 2.0, 3.7)]
    [InlineData(0.5, 0.8, 1.1)]
    [InlineData(0.5, 5.0, 2.3)]
    [InlineData(0.9, 1.5, 6.6)]
    [InlineData(1e-4, 0.7, 1.2)]
    [InlineData(1e-6, 1.0, 1.1)]
    public void Fractional_order_rdp_is_on_the_sound_side_of_numerical_integration_within_1_percent(double q, double sigma, double alpha)
    {
        var reference = RenyiIntegral.Rdp(q, sigma, alpha);
        var ours = SubsampledGaussianRdp.Rdp(q, sigma, alpha);

        Assert.True(ours >= reference * (1 - 1e-8), $"ours {ours:R} is below the integral {reference:R}");
        Assert.True(ours <= reference * 1.01, $"ours {ours:R} is more than 1 % above the integral {reference:R}");
    }

    [Theory]
    [InlineData(0.01, 1.0, 2)]
    [InlineData(0.01, 1.0, 12)]
    [InlineData(0.2, 3.0, 7)]
    public void Integer_order_rdp_matches_numerical_integration(double q, double sigma, int alpha)
    {
        var reference = RenyiIntegral.Rdp(q, sigma, alpha);
        var ours = SubsampledGaussianRdp.Rdp(q, sigma, alpha);

        Assert.True(ours >= reference * (1 - 1e-8) && ours <= reference * 1.001, $"ours {ours:R}, integral {reference:R}");
    }

    [Fact]
    public void Tiny_sampling_rates_keep_full_relative_precision()
    {
        // α = 2: A − 1 = q²(e^{1/σ²} − 1) exactly, which 1 + tiny in double would lose.
        const double q = 1e-7;
        var expected = Math.Log(1 + q * q * (Math.E - 1));

        Assert.Equal(1, SubsampledGaussianRdp.Rdp(q, 1.0, 2) / (q * q * (Math.E - 1)), 9);
        Assert.True(SubsampledGaussianRdp.Rdp(q, 1.0, 2) >= expected * (1 - 1e-12));
    }

    [Fact]
    public void Rdp_is_finite_and_positive_over_extreme_parameters()
    {
        foreach (var q in new[] { 1e-9, 1e-3, 0.5, 0.999 })
        {
            foreach (var sigma in new[] { 0.3, 1.0, 30.0 })
            {
                var curve = SubsampledGaussianRdp.Curve(q, sigma, 1);
                Assert.All(curve.Values, v => Assert.True(v > 0 && double.IsFinite(v), $"q={q} σ={sigma} gave {v}"));
            }
        }
    }
}
