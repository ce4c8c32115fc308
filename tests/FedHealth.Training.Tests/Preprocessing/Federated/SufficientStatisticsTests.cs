using FedHealth.Core.Data;
using FedHealth.Training.Data.Preprocessing;
using FedHealth.Training.Data.Preprocessing.Federated;

namespace FedHealth.Training.Tests.Preprocessing.Federated;

public sealed class SufficientStatisticsTests
{
    private static readonly FeatureLayout Layout = new(GappySites.Names, ["chol", "delta"]);

    [Fact]
    public void A_site_contributes_its_row_count_and_per_column_observed_count_sum_and_sum_of_squares()
    {
        var rows = GappySites.Table([40, 200, -1.5f, 1], [60, float.NaN, 2, 0], [50, 300, float.NaN, 1]);

        var statistics = SufficientStatistics.FromTraining(rows, Layout);

        Assert.Equal(3, statistics.Rows);
        Assert.Equal(
            [new(3, 150, 7700), new(2, 500, 130_000), new(2, 0.5, 6.25), new(3, 2, 2)],
            statistics.Columns.ToArray());
        Assert.Equal([0L, 1, 1, 0], Enumerable.Range(0, 4).Select(statistics.Missing));
    }

    [Fact]
    public void Adding_two_sites_gives_the_statistics_of_their_rows_together()
    {
        // Quarter steps keep every sum exact, so the comparison can be exact too.
        var north = GappySites.Table([40, 200.25f, -1.5f, 1], [60, float.NaN, 2, 0]);
        var south = GappySites.Table([50, 300, float.NaN, 1], [70.75f, 250, -3.25f, 0], [20, float.NaN, float.NaN, 1]);

        var sum = SufficientStatistics.Add(SufficientStatistics.FromTraining(north, Layout), SufficientStatistics.FromTraining(south, Layout));

        var together = SufficientStatistics.FromTraining(PooledReference.Concatenate([north, south]), Layout);
        Assert.Equal(together.Rows, sum.Rows);
        Assert.Equal(together.Columns.ToArray(), sum.Columns.ToArray());
    }

    [Fact]
    public void Adding_many_generated_sites_matches_their_concatenation_to_rounding()
    {
        var sites = Enumerable.Range(1, 6).Select(s => GappySites.Site(s, 50 + (30 * s))).ToList();

        var sum = sites.Select(s => SufficientStatistics.FromTraining(s, Layout)).Aggregate(SufficientStatistics.Add);

        var together = SufficientStatistics.FromTraining(PooledReference.Concatenate(sites), Layout);
        Assert.Equal(together.Rows, sum.Rows);
        for (var c = 0; c < GappySites.Names.Length; c++)
        {
            Assert.Equal(together.Columns[c].Observed, sum.Columns[c].Observed);
            Assert.Equal(together.Columns[c].Sum, sum.Columns[c].Sum, 1e-12 * Math.Abs(together.Columns[c].Sum));
            Assert.Equal(together.Columns[c].SumOfSquares, sum.Columns[c].SumOfSquares, 1e-12 * together.Columns[c].SumOfSquares);
        }
    }

    [Fact]
    public void One_hot_columns_sum_to_the_count_of_each_category()
    {
        var layout = new FeatureLayout(["cp=1", "cp=2", "cp=3"], []);
        var rows = new TabularData(layout.InputNames, [1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 1], [0, 1, 0, 1, 0]);

        var statistics = SufficientStatistics.FromTraining(rows, layout);

        Assert.Equal([1.0, 1, 3], statistics.Columns.Select(c => c.Sum));
        Assert.All(statistics.Columns, c => Assert.Equal(5, c.Observed));
    }

    [Fact]
    public void Rows_with_other_columns_than_the_layout_are_refused()
    {
        var other = new TabularData(["a", "b"], [1, 2], [0]);

        Assert.Throws<ArgumentException>(() => SufficientStatistics.FromTraining(other, Layout));
    }

    [Fact]
    public void Statistics_that_cannot_come_from_rows_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new SufficientStatistics(2, [new ColumnSums(3, 1, 1)]));
        Assert.Throws<ArgumentException>(() => new SufficientStatistics(2, [new ColumnSums(1, 1, -1)]));
        Assert.Throws<ArgumentException>(() => new SufficientStatistics(2, [new ColumnSums(1, double.NaN, 1)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SufficientStatistics(-1, []));
        Assert.Throws<ArgumentException>(() => SufficientStatistics.Add(new SufficientStatistics(1, []), new SufficientStatistics(1, [new ColumnSums(1, 1, 1)])));
    }
}
