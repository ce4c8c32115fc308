using FedHealth.Core.Data;
using FedHealth.Training.Data.Preprocessing;
using FedHealth.Training.Data.Preprocessing.Federated;

namespace FedHealth.Training.Tests.Preprocessing.Federated;

public sealed class PooledFeatureStatisticsTests
{
    private static FeatureStatistics Pooled(IReadOnlyList<TabularData> sites, FeatureLayout layout) =>
        PooledFeatureStatistics.From(sites.Select(s => SufficientStatistics.FromTraining(s, layout)).Aggregate(SufficientStatistics.Add), layout);

    private static FeatureStatistics ThroughTheSecureSum(IReadOnlyList<TabularData> sites, FeatureLayout layout)
    {
        var encoding = new StatisticsEncoding();
        var sum = PooledReference.ModularSum(sites.Select(s => encoding.Encode(SufficientStatistics.FromTraining(s, layout))), encoding.ModulusBits);
        return PooledFeatureStatistics.From(encoding.Decode(sum), layout);
    }

    [Fact]
    public void Pooled_statistics_equal_those_of_all_sites_rows_together_imputed_with_the_pooled_mean()
    {
        var sites = Enumerable.Range(1, 5).Select(s => GappySites.Site(s, 30 + (25 * s))).ToList();
        var layout = FeatureLayout.FromSites(sites);

        var reference = PooledReference.Statistics(sites, layout);

        Assert.Equal(["age", "chol", "delta", "sex", "chol_missing", "delta_missing"], layout.OutputNames.ToArray());
        PooledReference.Equal(reference, Pooled(sites, layout), 1e-9);
        PooledReference.Equal(reference, ThroughTheSecureSum(sites, layout), 1e-6);
    }

    [Fact]
    public void Gaps_take_the_mean_of_the_observed_values_not_the_median()
    {
        var site = GappySites.Table([40, 100, 1, 0], [40, 110, 1, 0], [40, 300, 1, 0], [40, float.NaN, 1, 0]);
        var layout = FeatureLayout.FromSites([site]);

        var statistics = Pooled([site], layout);

        Assert.Equal(170, statistics.ImputationValues[1], 12);
        Assert.Equal(110, FeatureStatistics.FromTraining(site, layout).ImputationValues[1]);
    }

    [Fact]
    public void A_column_missing_entirely_at_one_site_takes_the_other_sites_mean_there()
    {
        var sites = new[] { GappySites.Site(1, 80), GappySites.Site(2, 60, cholGaps: 1), GappySites.Site(3, 70) };
        var layout = FeatureLayout.FromSites(sites);

        var statistics = ThroughTheSecureSum(sites, layout);

        var observed = new[] { sites[0], sites[2] }.SelectMany(s => Enumerable.Range(0, s.Rows).Select(r => (double)s.Row(r)[1])).Where(v => !double.IsNaN(v)).ToList();
        Assert.Equal(observed.Average(), statistics.ImputationValues[1], 1e-6);
        PooledReference.Equal(PooledReference.Statistics(sites, layout), statistics, 1e-6);
    }

    [Fact]
    public void A_column_missing_everywhere_imputes_0_and_its_constant_indicator_gets_deviation_1()
    {
        var sites = new[] { GappySites.Site(1, 20, cholGaps: 1), GappySites.Site(2, 30, cholGaps: 1) };
        var layout = FeatureLayout.FromSites(sites);

        var statistics = ThroughTheSecureSum(sites, layout);

        var indicator = layout.OutputNames.IndexOf("chol_missing");
        Assert.Equal((0.0, 0.0, 1.0), (statistics.ImputationValues[1], statistics.Means[1], statistics.StandardDeviations[1]));
        Assert.Equal((1.0, 1.0), (statistics.Means[indicator], statistics.StandardDeviations[indicator]));
        PooledReference.Equal(PooledReference.Statistics(sites, layout), statistics, 1e-6);
    }

    [Fact]
    public void A_missing_value_indicator_has_the_missing_fraction_as_mean_and_a_bernoulli_deviation()
    {
        var north = GappySites.Table([40, float.NaN, 1, 0], [41, 200, 1, 0]);
        var south = GappySites.Table([42, 210, 1, 0], [43, 220, 1, 0]);
        var layout = FeatureLayout.FromSites([north, south]);

        var statistics = ThroughTheSecureSum([north, south], layout);

        Assert.Equal(0.25, statistics.Means[4]);
        Assert.Equal(Math.Sqrt(0.25 * 0.75), statistics.StandardDeviations[4], 12);
    }

    [Fact]
    public void A_constant_column_gets_deviation_1_so_that_it_standardises_to_0()
    {
        var sites = new[] { GappySites.Table([7, 200, 1, 0], [7, 210, 2, 1]), GappySites.Table([7, 220, 3, 0]) };
        var layout = FeatureLayout.FromSites(sites);

        var statistics = ThroughTheSecureSum(sites, layout);

        Assert.Equal((7.0, 1.0), (statistics.Means[0], statistics.StandardDeviations[0]));
        var transformed = Preprocessor.FromStatistics(layout, statistics).Transform(sites[0]);
        Assert.All(Enumerable.Range(0, transformed.Rows), r => Assert.Equal(0f, transformed.Row(r)[0]));
    }

    [Theory]
    [InlineData(0.1f, 5)]
    [InlineData(0.1f, 50)]
    [InlineData(123.456f, 100)]
    [InlineData(-0.37f, 3)]
    public void A_constant_column_of_non_integer_values_is_constant_too_although_its_sums_are_rounded(float value, int rows)
    {
        var layout = new FeatureLayout(["a"], []);
        var sites = Enumerable.Range(0, 8).Select(s => new TabularData(["a"], [.. Enumerable.Repeat(value, rows + s)], new int[rows + s])).ToList();
        var statistics = sites.Select(s => SufficientStatistics.FromTraining(s, layout)).ToList();

        var plain = PooledFeatureStatistics.From(statistics.Aggregate(SufficientStatistics.Add), layout);
        var secure = PooledFeatureStatistics.From(new StatisticsEncoding().Pool(statistics), layout);

        Assert.Equal(1.0, plain.StandardDeviations[0]);
        Assert.Equal(1.0, secure.StandardDeviations[0]);
        Assert.Equal(value, secure.Means[0], 1e-5);
    }

    [Fact]
    public void A_small_real_spread_is_kept_with_a_variance_within_the_documented_rounding_bound()
    {
        var layout = new FeatureLayout(["a"], []);
        var sites = Enumerable.Range(0, 4).Select(s => new TabularData(["a"], [.. Enumerable.Range(0, 30).Select(r => 0.37f + (0.001f * (r % 3)))], new int[30])).ToList();
        var pooled = new StatisticsEncoding().Pool([.. sites.Select(s => SufficientStatistics.FromTraining(s, layout))]);

        var secure = PooledFeatureStatistics.From(pooled, layout);

        // Var = (Σx² − Σx·mean)/n, with Σx and Σx² each off by at most E = sites × 2^−17.
        var reference = PooledReference.Statistics(sites, layout);
        var e = pooled.SumError;
        var bound = ((e * (1 + (2 * 0.372))) + (e * e / 120)) / 120;
        Assert.Equal(4 * Math.ScaleB(1, -17), e);
        Assert.InRange(secure.StandardDeviations[0], 0.0005, 0.0011);
        Assert.InRange(Math.Pow(secure.StandardDeviations[0], 2) - Math.Pow(reference.StandardDeviations[0], 2), -bound, bound);
    }

    [Fact]
    public void Standardising_every_site_with_the_pooled_statistics_centres_and_scales_the_rows_together()
    {
        var sites = Enumerable.Range(1, 3).Select(s => GappySites.Site(s, 100)).ToList();
        var layout = FeatureLayout.FromSites(sites);
        var preprocessor = Preprocessor.FromStatistics(layout, ThroughTheSecureSum(sites, layout));

        var together = PooledReference.Concatenate([.. sites.Select(preprocessor.Transform)]);

        for (var c = 0; c < layout.OutputNames.Length; c++)
        {
            var column = Enumerable.Range(0, together.Rows).Select(r => (double)together.Row(r)[c]).ToList();
            Assert.Equal(0, column.Average(), 5);
            Assert.Equal(1, Math.Sqrt(column.Select(v => v * v).Average()), 5);
        }
    }

    [Fact]
    public void Statistics_of_another_number_of_columns_than_the_layout_are_refused()
    {
        var layout = new FeatureLayout(["a", "b"], []);

        Assert.Throws<ArgumentException>(() => PooledFeatureStatistics.From(new SufficientStatistics(1, [new ColumnSums(1, 1, 1)]), layout));
    }

    [Fact]
    public void No_rows_at_all_give_neutral_statistics()
    {
        var layout = new FeatureLayout(["a"], ["a"]);

        var statistics = PooledFeatureStatistics.From(new SufficientStatistics(0, [new ColumnSums(0, 0, 0)]), layout);

        Assert.Equal([0.0, 0.0], statistics.Means.ToArray());
        Assert.Equal([1.0, 1.0], statistics.StandardDeviations.ToArray());
    }
}
