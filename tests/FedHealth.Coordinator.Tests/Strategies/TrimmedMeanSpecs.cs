using FedHealth.Coordinator.Aggregation;

namespace FedHealth.Coordinator.Tests.Strategies;

public sealed class TrimmedMeanSpecs
{
    private static ReadOnlyMemory<float>[] Models(params float[][] models) => [.. models.Select(m => (ReadOnlyMemory<float>)m)];

    [Fact]
    public void A_fifth_trimmed_from_five_sites_drops_the_largest_and_smallest_of_each_coordinate()
    {
        // Coordinate 0: {−100, 1, 2, 3, 100} → mean(1, 2, 3) = 2. Coordinate 1: {0, 4, 5, 6, 7} → mean(4, 5, 6) = 5.
        var mean = new TrimmedMean(0.2).Combine(Models([-100f, 7f], [1f, 4f], [2f, 0f], [3f, 5f], [100f, 6f]));

        Assert.Equal([2f, 5f], mean);
    }

    [Fact]
    public void Beta_zero_is_the_unweighted_mean()
    {
        var mean = new TrimmedMean(0).Combine(Models([1f], [2f], [6f]));

        Assert.Equal([3f], mean);
    }

    [Fact]
    public void Trimming_rounds_down_so_few_sites_keep_every_value()
    {
        var trimmed = new TrimmedMean(0.2);

        Assert.Equal(0, trimmed.TrimmedEachSide(4));
        Assert.Equal(1, trimmed.TrimmedEachSide(5));
        Assert.Equal(2, trimmed.TrimmedEachSide(10));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    public void A_fraction_outside_zero_to_one_half_is_refused(double beta)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrimmedMean(beta));
    }
}
