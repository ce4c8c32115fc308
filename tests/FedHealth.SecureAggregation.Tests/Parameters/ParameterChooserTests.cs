using FedHealth.SecureAggregation.Errors;
using FedHealth.SecureAggregation.Parameters;

namespace FedHealth.SecureAggregation.Tests.Parameters;

public sealed class ParameterChooserTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(50)]
    public void Few_sites_get_the_complete_graph_with_a_threshold_beyond_the_corrupt_majority(int n)
    {
        var choice = SecAggParameterChooser.Choose(n, dropoutRate: 0.1, corruptFraction: 0.1);

        Assert.True(choice.CompleteGraph);
        Assert.Equal(n - 1, choice.Neighbours);
        Assert.True((2 * choice.Threshold) - choice.Neighbours > choice.AssumedCorruptSites);
        Assert.Equal(double.PositiveInfinity, choice.CollusionBits);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(200)]
    [InlineData(1000)]
    [InlineData(10000)]
    public void Many_sites_get_a_sparse_graph_that_meets_both_targets(int n)
    {
        var choice = SecAggParameterChooser.Choose(n, dropoutRate: 0.1, corruptFraction: 0.1);

        Assert.False(choice.CompleteGraph);
        Assert.Equal(0, choice.Neighbours % 2);
        Assert.True(choice.Neighbours < Math.Max(n / 2, 70));
        Assert.True(choice.CollusionBits >= 40);
        Assert.True(choice.ConnectivityBits >= 40);
        Assert.True(choice.CorrectnessBits >= 30);
        Assert.True(2 * choice.Threshold > choice.Neighbours);
    }

    [Fact]
    public void The_neighbour_count_grows_logarithmically_with_the_number_of_sites()
    {
        var k1000 = SecAggParameterChooser.Choose(1000, 0.1, 0.1).Neighbours;
        var k10000 = SecAggParameterChooser.Choose(10000, 0.1, 0.1).Neighbours;

        // Ten times the sites: k grows by a few ln(10)-sized steps, nowhere near tenfold.
        Assert.True(k10000 < 1.5 * k1000, $"k(1000) = {k1000}, k(10000) = {k10000}");
    }

    [Fact]
    public void Fewer_than_three_sites_are_refused()
    {
        Assert.Throws<SecureAggregationConfigurationException>(() => SecAggParameterChooser.Choose(2, 0.1, 0));
    }

    [Fact]
    public void A_larger_corrupt_fraction_needs_a_larger_threshold()
    {
        var mild = SecAggParameterChooser.Choose(20, 0.1, 0.05);
        var harsh = SecAggParameterChooser.Choose(20, 0.1, 0.3);

        Assert.True(harsh.Threshold > mild.Threshold);
    }

    [Fact]
    public void Parameters_refuse_a_threshold_at_or_below_half_the_neighbours()
    {
        Assert.Throws<SecureAggregationConfigurationException>(() => new SecAggParameters(10, 5));
        Assert.Throws<SecureAggregationConfigurationException>(() => new SecAggParameters(10, 11));
        Assert.Throws<SecureAggregationConfigurationException>(() => new SecAggParameters(10, 6, modulusBits: 65));
    }

    [Fact]
    public void Tail_bounds_match_known_values()
    {
        Assert.Equal(0.75, TailBounds.BinomialUpperTail(2, 0.5, 1), 12);
        Assert.Equal(1.0 / 1024, TailBounds.BinomialUpperTail(10, 0.5, 10), 12);
        Assert.Equal(Math.Pow(0.9, 100), TailBounds.BinomialLowerTail(100, 0.1, 1), 12);
        Assert.Equal(1.0, TailBounds.BinomialUpperTail(100, 0.3, 0) + TailBounds.BinomialLowerTail(100, 0.3, 0), 12);
        Assert.Equal(24.0 / 45, TailBounds.HypergeometricUpperTail(10, 3, 2, 1), 12);
        Assert.Equal(1.0 / 120, TailBounds.HypergeometricUpperTail(10, 3, 3, 3), 12);
        Assert.Equal(0, TailBounds.HypergeometricUpperTail(99, 10, 66, 11));
        Assert.Equal(1, TailBounds.HypergeometricUpperTail(10, 9, 5, 4), 12); // at most one unmarked: at least 4 marked
        // Drawing without replacement concentrates more than with (Hoeffding 1963).
        Assert.True(TailBounds.HypergeometricUpperTail(999, 100, 120, 40) <= TailBounds.BinomialUpperTail(120, 100 / 999.0, 40));
    }

    [Fact]
    public void A_hundred_sites_no_longer_need_the_complete_graph_and_the_corrupt_count_cannot_reach_the_margin()
    {
        var choice = SecAggParameterChooser.Choose(100, dropoutRate: 0.1, corruptFraction: 0.1);

        Assert.False(choice.CompleteGraph);
        Assert.True(choice.Neighbours <= 70, $"k = {choice.Neighbours}");
        Assert.True((2 * choice.Threshold) - choice.Neighbours > choice.AssumedCorruptSites);
        Assert.Equal(double.PositiveInfinity, choice.CollusionBits);
    }

    [Fact]
    public void The_collusion_bound_is_the_exact_tail_of_corrupt_neighbours_over_the_honest_sites()
    {
        // n = 1000, C = 100: one honest site's k = 126 neighbours hold ≥ 2t − k corrupt ones with the hypergeometric tail.
        var bits = SecAggParameterChooser.CollusionBits(1000, 126, 85, 0.1);

        var expected = -Math.Log2(900 * TailBounds.HypergeometricUpperTail(999, 100, 126, 44));
        Assert.Equal(expected, bits, 9);
        Assert.True(bits >= 40);
    }

    [Theory]
    [InlineData(10, 9, 6)]
    [InlineData(20, 19, 11)]
    [InlineData(50, 49, 28)]
    [InlineData(100, 66, 39)]
    [InlineData(200, 86, 54)]
    [InlineData(400, 108, 71)]
    [InlineData(1000, 126, 85)]
    [InlineData(10000, 146, 99)]
    public void The_defaults_choose_the_k_and_t_documented_in_secure_aggregation_md(int n, int k, int t)
    {
        var choice = SecAggParameterChooser.Choose(n, dropoutRate: 0.1, corruptFraction: 0.1);

        Assert.Equal((k, t), (choice.Neighbours, choice.Threshold));
    }
}
