using System.Collections.Immutable;
using FedHealth.Core.Data;
using FedHealth.Core.Ids;
using FedHealth.Training.Data;
using FedHealth.Training.Data.Preprocessing;

namespace FedHealth.Training.Tests.Preprocessing.Federated;

public sealed class SitePreprocessingTests
{
    [Fact]
    public void A_sites_train_and_test_rows_are_preprocessed_with_the_given_statistics()
    {
        var layout = new FeatureLayout(["a", "b"], ["b"]);
        var statistics = new FeatureStatistics([0.0, 4.0], [1.0, 2.0, 0.5], [2.0, 4.0, 0.5]);
        var train = new TabularData(["a", "b"], [5, float.NaN], [1]);
        var test = new TabularData(["a", "b"], [1, 10], [0]);

        var site = SiteDatasets.Preprocess(new SiteData(new SiteId("north"), train, test), layout, statistics);

        Assert.Equal("north", site.Site.Value);
        Assert.Equal([2f, 0.5f, 1f], site.Train.Row(0).ToArray());
        Assert.Equal([0f, 2f, -1f], site.Test.Row(0).ToArray());
    }

    [Fact]
    public void Statistics_that_do_not_fit_the_layout_are_refused()
    {
        var layout = new FeatureLayout(["a"], []);
        var rows = new TabularData(["a"], [1], [0]);

        Assert.Throws<ArgumentException>(() => SiteDatasets.Preprocess(
            new SiteData(new SiteId("north"), rows, rows), layout, new FeatureStatistics([0.0], [0.0, 0.0], ImmutableArray.Create(1.0, 1.0))));
    }
}
