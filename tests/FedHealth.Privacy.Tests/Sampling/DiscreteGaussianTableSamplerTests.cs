using System.Numerics;
using FedHealth.Privacy.Sampling;
using Xunit.Abstractions;

namespace FedHealth.Privacy.Tests.Sampling;

public sealed class DiscreteGaussianTableSamplerTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1, 4, 200_000, 11)]     // σ = 0.5
    [InlineData(1, 1, 200_000, 12)]     // σ = 1
    [InlineData(7, 3, 200_000, 13)]     // σ² = 7/3
    [InlineData(100, 1, 200_000, 14)]   // σ = 10
    [InlineData(2500, 1, 200_000, 15)]  // σ = 50
    public void Table_samples_fit_the_exact_pmf(long numerator, long denominator, int n, long seed)
    {
        var sigma2 = new Rational(numerator, denominator);
        using var random = SeededRandomSource.ForTest(seed);

        var samples = new long[n];
        new DiscreteGaussianTableSampler(random, sigma2).Fill(samples);

        AssertFits(sigma2, samples, 1e-4);
    }

    [Theory]
    [InlineData(100, 1, 1.0, 21)]   // the table ends at 12: about a quarter of the draws come from the tail
    [InlineData(7, 3, 0.5, 22)]     // the table ends at 3
    public void The_geometric_tail_beyond_the_table_is_exact_too(long numerator, long denominator, double reach, long seed)
    {
        var sigma2 = new Rational(numerator, denominator);
        using var random = SeededRandomSource.ForTest(seed);

        var samples = new long[100_000];
        new DiscreteGaussianTableSampler(random, sigma2, reach, exactComparisonsOnly: false).Fill(samples);

        Assert.Contains(samples, x => Math.Abs(x) >= (long)Math.Ceiling(reach * Math.Sqrt(sigma2.Value)) + 2);
        AssertFits(sigma2, samples, 1e-4);
    }

    [Fact]
    public void The_exact_slow_path_alone_gives_the_same_distribution()
    {
        var sigma2 = new Rational(7, 3);
        using var random = SeededRandomSource.ForTest(23);

        var samples = new long[40_000];
        new DiscreteGaussianTableSampler(random, sigma2, reachInSigmas: 2, exactComparisonsOnly: true).Fill(samples);

        AssertFits(sigma2, samples, 1e-4);
    }

    [Fact]
    public void A_site_share_of_distributed_noise_has_its_variance_and_a_symmetric_shape()
    {
        // A representative site share: σ_site ≈ 2^14 in quantized units (σ² a multiple of 2^-16).
        var sigma2 = Rational.CeilingOf(Math.Pow(2, 28) / 7.0, 16);
        using var random = new OsRandomSource();
        var samples = new long[1_000_000];

        new DiscreteGaussianTableSampler(random, sigma2).Fill(samples);

        var variance = samples.Select(x => (double)x * x).Average();
        Assert.InRange(variance / sigma2.Value, 0.99, 1.01);
        var sigma = Math.Sqrt(sigma2.Value);
        var standardised = samples.Take(100_000).Select(x => x / sigma).ToArray();
        var p = GoodnessOfFit.KolmogorovSmirnovPValue(standardised, z => MathNet.Numerics.Distributions.Normal.CDF(0, 1, z));
        output.WriteLine($"σ ≈ {sigma:F0}: variance ratio {variance / sigma2.Value:F4}, KS p = {p:G4}");
        Assert.True(p > 1e-6, $"p = {p}");
    }

    [Fact]
    public void Too_wide_a_distribution_is_refused_with_the_limit_named()
    {
        var wide = new Rational(BigInteger.Pow(10, 14), BigInteger.One); // σ = 10^7

        Assert.False(DiscreteGaussianTableSampler.CanTabulate(wide));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DiscreteGaussianTableSampler(SeededRandomSource.ForTest(1), wide));
        Assert.Contains("σ at most", error.Message);
    }

    private void AssertFits(Rational sigma2, long[] samples, double threshold)
    {
        var s2 = sigma2.Value;
        var support = (long)Math.Ceiling(12 * Math.Sqrt(s2)) + 2;
        var p = GoodnessOfFit.ChiSquarePValue(samples, x => Math.Exp(-x * (double)x / (2 * s2)), -support, support);
        output.WriteLine($"σ² = {sigma2}: chi-square p = {p:G4}");
        Assert.True(p > threshold, $"p = {p}");
    }
}
