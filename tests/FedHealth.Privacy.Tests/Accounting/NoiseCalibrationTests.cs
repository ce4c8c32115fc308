using FedHealth.Privacy.Accounting;

namespace FedHealth.Privacy.Tests.Accounting;

public sealed class NoiseCalibrationTests
{
    [Theory]
    [InlineData(1.0, 0.01, 1000, 1e-5)]
    [InlineData(0.7242, 150.0 / 60000, 6000, 1e-5)]
    [InlineData(8.0, 0.05, 100, 1e-6)]
    [InlineData(3.0, 1.0, 50, 1e-5)]
    [InlineData(0.5, 0.001, 20_000, 1e-5)]
    public void Calibration_inverts_the_accountant(double target, double q, long steps, double delta)
    {
        var sigma = NoiseCalibration.NoiseMultiplier(target, q, steps, delta);

        Assert.True(RdpAccountant.Epsilon(sigma, q, steps, delta).Epsilon <= target);
        var unit = Math.Pow(10, Math.Floor(Math.Log10(sigma)) - 2);
        Assert.True(RdpAccountant.Epsilon(sigma - unit, q, steps, delta).Epsilon > target);
        Assert.Equal(sigma, double.Parse(sigma.ToString("G3", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_reference_point_calibrates_back_to_sigma_1_3()
    {
        var sigma = NoiseCalibration.NoiseMultiplier(0.72423, 150.0 / 60000, 6000, 1e-5);

        Assert.Equal(1.3, sigma);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void A_non_positive_target_is_refused(double target)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NoiseCalibration.NoiseMultiplier(target, 0.01, 100, 1e-5));
        Assert.Equal("targetEpsilon", e.ParamName);
    }

    [Fact]
    public void A_target_no_noise_can_reach_is_refused_with_the_numbers()
    {
        // With δ = 1e-5 the conversion alone costs ≈ 0.0035 at order 1024, whatever the noise.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NoiseCalibration.NoiseMultiplier(0.001, 0.01, 100, 1e-5));

        Assert.Equal("targetEpsilon", e.ParamName);
        Assert.Contains("No noise multiplier", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.2345, 1.24)]
    [InlineData(1.24, 1.24)]
    [InlineData(0.0123401, 0.0124)]
    [InlineData(123.4, 124)]
    [InlineData(99.91, 100)]
    [InlineData(4567.0, 4570)]
    public void Rounding_is_up_to_three_significant_digits(double x, double expected)
    {
        Assert.Equal(expected, NoiseCalibration.RoundUp3(x));
    }
}
