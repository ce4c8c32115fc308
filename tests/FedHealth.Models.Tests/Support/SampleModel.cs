using System.Collections.Immutable;
using System.Text.Json.Nodes;
using FedHealth.Core.Weights;
using FedHealth.Models.Manifests;
using FedHealth.Models.Registry;

namespace FedHealth.Models.Tests.Support;

/// <summary>A small logistic regression over two numbers and a category, with pooled statistics, saved in a temporary run folder.</summary>
internal static class SampleModel
{
    public static readonly double[] Means = [50, 120, 0.3, 0.7];

    public static readonly double[] Deviations = [10, 20, 0.46, 0.46];

    public static ModelWeights Weights(float shift = 0) => new(
        [new TensorSpec("linear.weight", ImmutableArray.Create(1, 4)), new TensorSpec("linear.bias", ImmutableArray.Create(1))],
        [0.8f + shift, -0.4f, 0.3f, -0.3f, 0.1f]);

    public static ModelManifest Manifest(ModelWeights weights) => new()
    {
        Id = weights.ContentHash(),
        WeightsFile = string.Empty,
        Study = "study-1",
        Status = "completed",
        CreatedUtc = new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero),
        Architecture = ManifestLayout.Describe(Core.Training.ModelSpec.LogisticRegression(4), weights),
        Features = new FeatureInfo(
            [new FeatureColumnInfo("age", null), new FeatureColumnInfo("bp", null), new FeatureColumnInfo("smoker", ["no", "yes"])],
            ["age", "bp", "smoker=no", "smoker=yes"], [], ["age", "bp", "smoker=no", "smoker=yes"]),
        Preprocessing = new PreprocessingInfo(PreprocessingInfo.Pooled, new StatisticsInfo([50, 120, 0.3, 0.7], Means, Deviations), null),
        Label = "event",
        Training = new JsonObject { ["lr"] = 0.01, ["rounds"] = 3 },
        CodeVersion = "1.0.0+test",
        SchemaHash = "schema",
        Sites = ["a", "b"],
        Rounds = [new RoundLineage(1, "h1", null, true, ["a", "b"], null), new RoundLineage(2, weights.ContentHash(), "h1", true, ["a", "b"], null)],
        SecureAggregation = true,
        Privacy = new PrivacyInfo("record", 1.5, null, 1e-5),
        Evaluation = new JsonObject { ["pooled_accuracy"] = 0.8, ["pooled_auc"] = 0.85 },
        History = [new RoundMetrics(1, 0.7, 0.69, 0.6, 0.65), new RoundMetrics(2, 0.6, 0.6, 0.7, 0.8)],
        Histogram = new HistogramInfo([0, 1, 3, 6], [5, 3, 1, 1]),
    };

    public static string RunFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "fedhealth-models-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static StoredModel Saved(string? runFolder = null, ModelWeights? weights = null)
    {
        var w = weights ?? Weights();
        return ModelStore.Save(runFolder ?? RunFolder(), Manifest(w), w);
    }
}
