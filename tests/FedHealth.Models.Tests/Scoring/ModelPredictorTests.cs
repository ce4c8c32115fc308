using FedHealth.Core.Data;
using FedHealth.Models.Scoring;
using FedHealth.Models.Tests.Support;

namespace FedHealth.Models.Tests.Scoring;

public sealed class ModelPredictorTests
{
    [Fact]
    public void A_row_is_imputed_standardised_and_scored_with_the_manifest_statistics()
    {
        var model = SampleModel.Saved();
        var rows = new TabularData(["age", "bp", "smoker=no", "smoker=yes"], [60f, float.NaN, 0f, 1f], [0]);

        var p = ModelPredictor.Predict(model, rows)[0];

        // age (60-50)/10 = 1; bp imputed to its mean → 0; smoker=no (0-0.3)/0.46; smoker=yes (1-0.7)/0.46.
        var z = (0.8 * 1) + (-0.4 * 0) + (0.3 * (-0.3 / 0.46)) + (-0.3 * (0.3 / 0.46)) + 0.1;
        Assert.Equal(1 / (1 + Math.Exp(-z)), p, 1e-6);
    }

    [Fact]
    public void Per_site_statistics_need_the_site_named()
    {
        var manifest = SampleModel.Manifest(SampleModel.Weights());
        var perSite = manifest.Preprocessing with { Mode = Models.Manifests.PreprocessingInfo.PerSite, Statistics = null, SiteStatistics = new Dictionary<string, Models.Manifests.StatisticsInfo> { ["a"] = manifest.Preprocessing.Statistics! } };

        var error = Assert.Throws<ModelStoreException>(() => ModelPredictor.StatisticsFor(perSite, null));

        Assert.Contains("--site", error.Message, StringComparison.Ordinal);
        Assert.Same(manifest.Preprocessing.Statistics, ModelPredictor.StatisticsFor(perSite, "a"));
    }
}
