using System.Collections.Immutable;
using FedHealth.Core.Data;
using FedHealth.Training.Data.Preprocessing;

namespace FedHealth.Training.Tests.Data;

public sealed class PreprocessorTests
{
    private static TabularData Table(params float[][] rows) =>
        new(["a", "b"], [.. rows.SelectMany(r => r)], [.. rows.Select((_, i) => i % 2)]);

    [Fact]
    public void Statistics_come_from_the_training_rows_only()
    {
        var train = Table([1, 10], [3, 10], [5, 10]);
        var test = Table([100, 1000]);
        var layout = FeatureLayout.FromSites([train]);

        var preprocessor = Preprocessor.Fit(train, layout);

        Assert.Equal([3.0, 10.0], preprocessor.Statistics.Means.ToArray());
        Assert.Equal(Math.Sqrt(8.0 / 3), preprocessor.Statistics.StandardDeviations[0], 12);
        Assert.Equal((100 - 3) / Math.Sqrt(8.0 / 3), preprocessor.Transform(test).Row(0)[0], 4);
    }

    [Fact]
    public void Training_rows_come_out_with_mean_0_and_deviation_1_and_constant_columns_as_0()
    {
        var train = Table([1, 7], [2, 7], [6, 7], [3, 7]);

        var transformed = Preprocessor.Fit(train, FeatureLayout.FromSites([train])).Transform(train);

        var a = Enumerable.Range(0, 4).Select(r => (double)transformed.Row(r)[0]).ToArray();
        Assert.Equal(0, a.Average(), 6);
        Assert.Equal(1, Math.Sqrt(a.Select(v => v * v).Average()), 6);
        Assert.All(Enumerable.Range(0, 4), r => Assert.Equal(0f, transformed.Row(r)[1]));
    }

    [Fact]
    public void Missing_values_take_the_training_median_and_set_their_indicator()
    {
        var train = Table([1, 5], [float.NaN, 6], [4, 7], [10, 8]);
        var layout = FeatureLayout.FromSites([train]);
        var preprocessor = Preprocessor.Fit(train, layout);

        var test = preprocessor.Transform(Table([float.NaN, 5]));

        Assert.Equal(["a", "b", "a_missing"], layout.OutputNames.ToArray());
        Assert.Equal(4.0, preprocessor.Statistics.ImputationValues[0]);
        var imputedMean = (1 + 4 + 4 + 10) / 4.0;
        Assert.Equal((4 - imputedMean) / preprocessor.Statistics.StandardDeviations[0], test.Row(0)[0], 4);
        Assert.True(test.Row(0)[2] > 0, "the indicator is above its training mean");
    }

    [Fact]
    public void The_layout_is_shared_by_all_sites_even_when_only_one_has_gaps()
    {
        var complete = Table([1, 2], [3, 4]);
        var gappy = Table([1, float.NaN], [3, 4]);

        var layout = FeatureLayout.FromSites([complete, gappy]);

        var outputs = new[] { complete, gappy }.Select(site => Preprocessor.Fit(site, layout).Transform(site)).ToList();
        Assert.Equal(["a", "b", "b_missing"], layout.OutputNames.ToArray());
        Assert.All(outputs, o => Assert.Equal(layout.OutputNames.ToArray(), o.FeatureNames.ToArray()));
        Assert.All(outputs, o => Assert.DoesNotContain(o.Features, float.IsNaN));
    }

    [Fact]
    public void Supplied_statistics_are_used_as_given()
    {
        var layout = new FeatureLayout(["a", "b"], []);
        var statistics = new FeatureStatistics([0.0, 0.0], [1.0, 2.0], [2.0, 4.0]);

        var row = Preprocessor.FromStatistics(layout, statistics).Transform(Table([5, 10])).Row(0).ToArray();

        Assert.Equal([2f, 2f], row);
    }

    [Fact]
    public void Statistics_that_do_not_fit_the_layout_are_refused()
    {
        var layout = new FeatureLayout(["a", "b"], ["a"]);

        Assert.Throws<ArgumentException>(() =>
            Preprocessor.FromStatistics(layout, new FeatureStatistics([0.0, 0.0], [0.0, 0.0], [1.0, 1.0])));
        Assert.Throws<ArgumentException>(() =>
            Preprocessor.FromStatistics(new FeatureLayout(["a"], []), new FeatureStatistics([0.0], [0.0], ImmutableArray.Create(0.0))));
    }

    [Fact]
    public void Rows_with_other_columns_are_refused()
    {
        var train = Table([1, 2], [3, 4]);
        var other = new TabularData(["a", "c"], [1, 2], [0]);

        Assert.Throws<ArgumentException>(() => Preprocessor.Fit(train, FeatureLayout.FromSites([train])).Transform(other));
    }
}
