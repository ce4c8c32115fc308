using FedHealth.Coordinator.Aggregation;

namespace FedHealth.Coordinator.Tests.Strategies;

public sealed class CoordinateMedianSpecs
{
    private static ReadOnlyMemory<float>[] Models(params float[][] models) => [.. models.Select(m => (ReadOnlyMemory<float>)m)];

    [Fact]
    public void Each_coordinate_is_the_middle_value_of_an_odd_count()
    {
        var median = new CoordinateMedian().Combine(Models([1f, 9f], [3f, 7f], [2f, 8f]));

        Assert.Equal([2f, 8f], median);
    }

    [Fact]
    public void An_even_count_takes_the_mean_of_the_two_middle_values()
    {
        var median = new CoordinateMedian().Combine(Models([1f], [4f], [2f], [10f]));

        Assert.Equal([3f], median);
    }

    [Fact]
    public void One_huge_outlier_cannot_leave_the_range_of_the_honest_values()
    {
        var median = new CoordinateMedian().Combine(Models([1f, -1f], [1.2f, -0.8f], [0.9f, -1.1f], [1e9f, -1e9f], [1.1f, -1f]));

        Assert.InRange(median[0], 0.9f, 1.2f);
        Assert.InRange(median[1], -1.1f, -0.8f);
    }

    [Fact]
    public void No_models_or_models_of_different_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new CoordinateMedian().Combine([]));
        Assert.Throws<ArgumentException>(() => new CoordinateMedian().Combine(Models([1f], [1f, 2f])));
    }
}
