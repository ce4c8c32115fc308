using System.Globalization;
using System.Text.Json.Nodes;
using FedHealth.Core.Weights;
using FedHealth.Models.Manifests;

namespace FedHealth.Models.Diff;

/// <summary>
/// What changed between two models: training configuration, architecture, features, sites, privacy,
/// evaluation figures, and the distance between their weights (when their layouts agree).
/// </summary>
public static class ModelDiff
{
    private static readonly string[] Metrics = ["pooled_accuracy", "pooled_auc", "pooled_loss", "mean_site_accuracy"];

    public static IReadOnlyList<ModelDifference> Compare(ModelManifest left, ModelManifest right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var differences = new List<ModelDifference>();
        void Field(string name, string? a, string? b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                differences.Add(new ModelDifference(name, a, b));
            }
        }

        foreach (var key in left.Training.Select(kv => kv.Key).Union(right.Training.Select(kv => kv.Key)).Order(StringComparer.Ordinal))
        {
            Field("training." + key, left.Training[key]?.ToJsonString(), right.Training[key]?.ToJsonString());
        }

        Field("architecture", Describe(left.Architecture), Describe(right.Architecture));
        Field("schema_hash", left.SchemaHash, right.SchemaHash);
        Field("preprocessing.mode", left.Preprocessing.Mode, right.Preprocessing.Mode);
        Field("sites", string.Join(",", left.Sites), string.Join(",", right.Sites));
        Field("rounds_committed", left.Rounds.Count(r => r.ModelUpdated).ToString(CultureInfo.InvariantCulture), right.Rounds.Count(r => r.ModelUpdated).ToString(CultureInfo.InvariantCulture));
        Field("secure_aggregation", left.SecureAggregation.ToString(), right.SecureAggregation.ToString());
        Field("privacy.mode", left.Privacy.Mode, right.Privacy.Mode);
        Field("privacy.epsilon_record", Number(left.Privacy.EpsilonRecord), Number(right.Privacy.EpsilonRecord));
        Field("privacy.epsilon_site", Number(left.Privacy.EpsilonSite), Number(right.Privacy.EpsilonSite));
        Field("privacy.delta", Number(left.Privacy.Delta), Number(right.Privacy.Delta));
        foreach (var metric in Metrics)
        {
            Field("evaluation." + metric, Number(ModelFacts.Metric(left, metric)), Number(ModelFacts.Metric(right, metric)));
        }

        Field("code_version", left.CodeVersion, right.CodeVersion);
        return differences;
    }

    /// <summary>The Euclidean distance between two weight vectors of the same layout; null when the layouts differ.</summary>
    public static double? WeightDistance(ModelWeights left, ModelWeights right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (!left.HasSameLayout(right))
        {
            return null;
        }

        double sum = 0;
        for (var i = 0; i < left.Length; i++)
        {
            var d = (double)left.Flat[i] - right.Flat[i];
            sum += d * d;
        }

        return Math.Sqrt(sum);
    }

    public static JsonObject ToJson(IReadOnlyList<ModelDifference> differences) =>
        new(differences.Select(d => KeyValuePair.Create(d.Field, (JsonNode?)new JsonObject { ["left"] = d.Left, ["right"] = d.Right })));

    private static string Describe(ArchitectureInfo a) =>
        $"{a.Kind} {a.InputFeatures} inputs" + (a.Hidden.Count > 0 ? $" [{string.Join(",", a.Hidden)}]" : string.Empty);

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
