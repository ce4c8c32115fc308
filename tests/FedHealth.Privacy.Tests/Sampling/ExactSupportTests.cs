using System.Numerics;
using FedHealth.Privacy.Sampling;

namespace FedHealth.Privacy.Tests.Sampling;

public sealed class ExactSupportTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 3)]
    [InlineData(1, 1)]
    [InlineData(7, 2)]
    [InlineData(1234567, 1000)]
    public void Exp_bounds_bracket_the_value_and_are_tight(long numerator, long denominator)
    {
        var (lo, hi) = ExpBounds.Of(numerator, denominator, 80);

        var expected = Math.Exp(-(double)numerator / denominator);
        var scale = Math.Pow(2, 80);
        Assert.True(lo <= hi);
        Assert.True(hi - lo <= 4, $"width {hi - lo}");
        Assert.InRange(expected * scale, (double)lo * (1 - 1e-14) - 1, (double)hi * (1 + 1e-14) + 1);
    }

    [Fact]
    public void Exp_bounds_know_e_to_many_digits()
    {
        // 1/e = 0.36787944117144232159552377016146086744581113103176...
        var (lo, hi) = ExpBounds.Of(1, 1, 160);
        var digits = BigInteger.Parse("36787944117144232159552377016146086744581113103176");
        var scaled = digits * (BigInteger.One << 160) / BigInteger.Pow(10, 50);

        Assert.InRange(scaled, lo - 2, hi + 2);
    }

    [Fact]
    public void The_lazy_comparison_decides_like_the_real_number_it_compares()
    {
        // U < exp(−1): a first word just below 2^64/e is surely below, just above surely not.
        var threshold = (ulong)(Math.Exp(-1) * Math.Pow(2, 64));
        using var random = SeededRandomSource.ForTest(3);

        Assert.True(LazyExpComparison.IsBelow(random, threshold - 4096, 1, 1, 1, 1));
        Assert.False(LazyExpComparison.IsBelow(random, threshold + 4096, 1, 1, 1, 1));
        Assert.True(LazyExpComparison.IsBelow(random, 0, 1, 2, 0, 1));
        Assert.False(LazyExpComparison.IsBelow(random, 1UL << 63, 1, 2, 0, 1)); // U ≥ 1/2 is not below 1/2
    }

    [Fact]
    public void The_integer_alias_table_gives_every_index_its_exact_share()
    {
        var two64 = (UInt128)ulong.MaxValue + 1;
        UInt128[] weights = [two64 / 2, two64 / 4, two64 / 8, (two64 / 8) - 3, 3];

        var (threshold, alias, shift) = IntegerAliasTable.Build(weights);

        // Count, over every column and every low value, where the mass goes (in units of 2^shift).
        var mass = new UInt128[threshold.Length];
        var capacity = (UInt128)1 << shift;
        for (var column = 0; column < threshold.Length; column++)
        {
            mass[column] += threshold[column];
            mass[alias[column]] += capacity - threshold[column];
        }

        Assert.Equal(weights, mass.Take(weights.Length));
        Assert.All(mass.Skip(weights.Length), m => Assert.Equal(UInt128.Zero, m));
        Assert.Throws<ArgumentException>(() => IntegerAliasTable.Build([two64 / 2, two64 / 4]));
    }

    [Theory]
    [InlineData(7, 3, 40)]
    [InlineData(17_592_186_044_416, 65_536 * 7, 62_000)] // σ² = 2^28/7 (a site share), m up to 10σ
    public void The_double_envelope_bounds_hold_against_exact_values(long numerator, long denominator, int reach)
    {
        var sigma2 = new Rational(numerator, denominator);

        var (lower, upper) = GaussianEnvelopeBounds.Weights(sigma2, reach);

        foreach (var m in new[] { 0, 1, 2, 3, reach / 7, reach / 3, reach / 2, reach - 1, reach })
        {
            var (lo, hi) = ExpBounds.Of((BigInteger)m * m * sigma2.Denominator, 2 * sigma2.Numerator, 1000);
            Assert.True(new BigInteger(Math.ScaleB(lower[m], 1000)) <= hi, $"lower bound above the value at m = {m}");
            Assert.True(new BigInteger(Math.ScaleB(upper[m], 1000)) + 1 >= lo, $"upper bound below the value at m = {m}");
            Assert.True(upper[m] - lower[m] <= 1e-8 * upper[m] + 1e-300, $"bounds too loose at m = {m}");
        }
    }
}
