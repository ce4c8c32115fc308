using FedHealth.Privacy.Sampling;
using MathNet.Numerics.Distributions;

namespace FedHealth.Privacy.Tests.Sampling;

public sealed class SamplerTests
{
    [Theory]
    [InlineData(1UL, 1UL, 11)]
    [InlineData(3UL, 1UL, 12)]
    [InlineData(5UL, 2UL, 13)]
    [InlineData(40UL, 1UL, 14)]
    public void Discrete_laplace_samples_fit_the_exact_pmf(ulong t, ulong s, long seed)
    {
        using var random = SeededRandomSource.ForTest(seed);
        var sampler = new DiscreteLaplaceSampler(random, t, s);
        var samples = Enumerable.Range(0, 200_000).Select(_ => sampler.Sample()).ToArray();

        var rate = (double)s / t;
        var support = (long)Math.Ceiling(40 / rate);
        var p = GoodnessOfFit.ChiSquarePValue(samples, x => Math.Exp(-Math.Abs(x) * rate), -support, support);
        Assert.True(p > 1e-4, $"p = {p}");
    }

    [Theory]
    [InlineData(0, 1, 21)]
    [InlineData(3, 10, 22)]
    [InlineData(1, 1, 23)]
    [InlineData(5, 2, 24)]
    [InlineData(7, 3, 25)]
    [InlineData(9, 1, 26)]
    public void Bernoulli_of_exp_minus_gamma_has_probability_exp_minus_gamma(long numerator, long denominator, long seed)
    {
        using var random = SeededRandomSource.ForTest(seed);
        const int n = 400_000;
        var successes = 0L;
        for (var i = 0; i < n; i++)
        {
            successes += ExactBernoulli.ExpMinus(random, numerator, denominator) ? 1 : 0;
        }

        var probability = Math.Exp(-(double)numerator / denominator);
        if (numerator == 0)
        {
            Assert.Equal(n, successes);
            return;
        }

        var p = GoodnessOfFit.BinomialPValue(successes, n, probability);
        Assert.True(p > 1e-4, $"{successes}/{n} vs {probability}: p = {p}");
    }

    [Theory]
    [InlineData(0.3, 31)]
    [InlineData(0.0025, 32)]
    [InlineData(0.999, 33)]
    [InlineData(1.5e-5, 34)]
    public void Bernoulli_of_a_double_probability_is_exact(double probability, long seed)
    {
        using var random = SeededRandomSource.ForTest(seed);
        const int n = 1_000_000;
        var successes = 0L;
        for (var i = 0; i < n; i++)
        {
            successes += ExactBernoulli.Probability(random, probability) ? 1 : 0;
        }

        var p = GoodnessOfFit.BinomialPValue(successes, n, probability);
        Assert.True(p > 1e-4, $"{successes}/{n} vs {probability}: p = {p}");
    }

    [Fact]
    public void Bernoulli_of_tiny_probabilities_reads_past_the_first_word()
    {
        using var random = SeededRandomSource.ForTest(35);
        Assert.False(ExactBernoulli.Probability(random, 1e-300));
        Assert.False(ExactBernoulli.Probability(random, double.Epsilon));
        Assert.True(ExactBernoulli.Probability(random, 1.0));
        Assert.False(ExactBernoulli.Probability(random, 0.0));
    }

    [Fact]
    public void Continuous_gaussian_passes_a_kolmogorov_smirnov_test()
    {
        using var random = SeededRandomSource.ForTest(41);
        var sampler = new GaussianSampler(random);
        var samples = Enumerable.Range(0, 100_000).Select(_ => sampler.Next(2.5)).ToArray();

        var p = GoodnessOfFit.KolmogorovSmirnovPValue(samples, x => Normal.CDF(0, 2.5, x));
        Assert.True(p > 1e-4, $"p = {p}");
    }

    [Fact]
    public void Continuous_gaussian_from_the_os_csprng_passes_a_loose_kolmogorov_smirnov_test()
    {
        using var random = new OsRandomSource();
        var sampler = new GaussianSampler(random);
        var samples = Enumerable.Range(0, 20_000).Select(_ => sampler.Next()).ToArray();

        Assert.True(GoodnessOfFit.KolmogorovSmirnovPValue(samples, x => Normal.CDF(0, 1, x)) > 1e-9);
    }

    [Theory]
    [InlineData(10UL, 51)]
    [InlineData(3UL << 62, 52)]
    public void Uniform_integers_have_no_modulo_bias(ulong bound, long seed)
    {
        using var random = SeededRandomSource.ForTest(seed);
        const int bins = 10;
        var counts = new long[bins];
        const int n = 200_000;
        for (var i = 0; i < n; i++)
        {
            var v = UniformInteger.Below(random, bound);
            Assert.True(v < bound);
            counts[(int)(v / (bound / bins + (bound % bins == 0 ? 0UL : 1UL)))]++;
        }

        // For 3·2^62 the first third of [0, 2^64) would be over-represented by a modulo reduction.
        var expected = n / (double)bins;
        var statistic = counts.Sum(c => (c - expected) * (c - expected) / expected);
        Assert.True(1 - ChiSquared.CDF(bins - 1, statistic) > 1e-4, string.Join(",", counts));
    }

    [Fact]
    public void Uniform_integers_in_128_bits_stay_below_the_bound()
    {
        using var random = SeededRandomSource.ForTest(53);
        var bound = (UInt128.One << 100) + 12345;
        var high = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var v = UniformInteger.Below(random, bound);
            Assert.True(v < bound);
            high += v >= (UInt128.One << 99) ? 1 : 0;
        }

        Assert.InRange(high, 4_700, 5_300);
    }

    [Fact]
    public void Poisson_subsampling_selects_each_record_with_probability_q()
    {
        using var random = SeededRandomSource.ForTest(61);
        const int population = 60_000;
        const double q = 0.01;
        var counts = new long[population];
        var sizes = new List<int>();
        for (var step = 0; step < 200; step++)
        {
            var batch = PoissonSubsampler.Sample(random, population, q);
            sizes.Add(batch.Length);
            Assert.Equal(batch.Order(), batch);
            Assert.Equal(batch.Length, batch.Distinct().Count());
            foreach (var i in batch)
            {
                counts[i]++;
            }
        }

        var total = sizes.Sum();
        var p = GoodnessOfFit.BinomialPValue(total, 200L * population, q);
        Assert.True(p > 1e-4, $"{total} selections");
        Assert.True(sizes.Distinct().Count() > 10, "batch sizes must vary under Poisson sampling");
    }

    [Fact]
    public void Seeded_sources_are_reproducible_and_seed_specific()
    {
        using var a = SeededRandomSource.ForTest(7);
        using var b = SeededRandomSource.ForTest(7);
        using var c = SeededRandomSource.ForTest(8);

        var xa = Enumerable.Range(0, 1000).Select(_ => a.NextUInt64()).ToArray();
        var xb = Enumerable.Range(0, 1000).Select(_ => b.NextUInt64()).ToArray();
        var xc = Enumerable.Range(0, 1000).Select(_ => c.NextUInt64()).ToArray();

        Assert.Equal(xa, xb);
        Assert.NotEqual(xa, xc);
        Assert.Equal(1000, xa.Distinct().Count());
    }

    [Fact]
    public void Rationals_round_noise_variance_up_never_down()
    {
        var r = Rational.CeilingOf(1.0 / 3, 16);

        Assert.True(r.Value >= 1.0 / 3);
        Assert.True(r.Value - 1.0 / 3 < Math.Pow(2, -16));
        Assert.Equal(Rational.FromInteger(5), Rational.CeilingOf(5.0, 16));
        Assert.Equal(new System.Numerics.BigInteger(3), new Rational(10, 1).FloorSqrt());
        Assert.Equal(new System.Numerics.BigInteger(0), new Rational(1, 4).FloorSqrt());
    }
}
