using System.Numerics;
using FedHealth.Privacy.Sampling;
using Xunit.Abstractions;

namespace FedHealth.Privacy.Tests.Sampling;

public sealed class DiscreteGaussianSamplerTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1, 4, 200_000, 1)]     // σ = 0.5
    [InlineData(1, 1, 200_000, 2)]     // σ = 1
    [InlineData(7, 3, 200_000, 3)]     // σ² = 7/3
    [InlineData(100, 1, 200_000, 4)]   // σ = 10
    [InlineData(2500, 1, 200_000, 5)]  // σ = 50
    public void Discrete_gaussian_samples_fit_the_exact_pmf(long numerator, long denominator, int n, long seed)
    {
        var sigma2 = new Rational(numerator, denominator);
        using var random = SeededRandomSource.ForTest(seed);
        var sampler = new DiscreteGaussianSampler(random, sigma2);

        var samples = new long[n];
        sampler.Fill(samples);

        var s2 = sigma2.Value;
        var support = (long)Math.Ceiling(12 * Math.Sqrt(s2)) + 2;
        var p = GoodnessOfFit.ChiSquarePValue(samples, x => Math.Exp(-x * (double)x / (2 * s2)), -support, support);
        output.WriteLine($"σ² = {sigma2}: chi-square p = {p:G4}");
        Assert.True(p > 1e-4, $"p = {p}");
    }

    [Fact]
    public void Discrete_gaussian_from_the_os_csprng_fits_its_pmf_loosely()
    {
        using var random = new OsRandomSource();
        var sampler = new DiscreteGaussianSampler(random, Rational.FromInteger(9));
        var samples = new long[50_000];
        sampler.Fill(samples);

        var p = GoodnessOfFit.ChiSquarePValue(samples, x => Math.Exp(-x * (double)x / 18), -40, 40);
        Assert.True(p > 1e-9, $"p = {p}");
    }

    [Fact]
    public void Huge_parameters_take_the_exact_big_integer_path_and_stay_centred()
    {
        // σ² with a large denominator forces BigInteger arithmetic in the acceptance test.
        var sigma2 = new Rational(BigInteger.Parse("1000000000000000000000000000001"), BigInteger.Parse("10000000000000000000000"));
        using var random = SeededRandomSource.ForTest(6);
        var sampler = new DiscreteGaussianSampler(random, sigma2);
        var samples = new long[20_000];
        sampler.Fill(samples);

        var variance = samples.Select(x => (double)x * x).Average();
        var expected = sigma2.Value;
        Assert.InRange(variance / expected, 0.95, 1.05);
        Assert.InRange(samples.Average() / Math.Sqrt(expected), -0.05, 0.05);
    }
}
