using FedHealth.SecureAggregation.Errors;
using FedHealth.SecureAggregation.Parameters;

namespace FedHealth.SecureAggregation.Tests.Parameters;

public sealed class ParameterChooserTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(100)]
    public void Few_sites_get_the_complete_graph_with_a_threshold_beyond_the_corrupt_majority(int n)
    {
        var choice = SecAggParameterChooser.Choose(n, dropoutRate: 0.1, corruptFraction: 0.1);

        Assert.True(choice.CompleteGraph);
        Assert.Equal(n - 1, choice.Neighbours);
        Assert.True((2 * choice.Threshold) - choice.Neighbours > choice.AssumedCorruptSites);
        Assert.Equal(double.PositiveInfinity, choice.CollusionBits);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(10000)]
    public void Many_sites_get_a_sparse_graph_that_meets_both_targets(int n)
    {
        var choice = SecAggParameterChooser.Choose(n, dropoutRate: 0.1, corruptFraction: 0.1);

        Assert.False(choice.CompleteGraph);
        Assert.Equal(0, choice.Neighbours % 2);
        Assert.True(choice.Neighbours < n / 2);
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
        Assert.True(TailBounds.ChernoffUpper(100, 0.1, 50) >= TailBounds.BinomialUpperTail(100, 0.1, 50));
    }
}
