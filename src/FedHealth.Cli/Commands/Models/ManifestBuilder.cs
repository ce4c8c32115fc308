using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text;
using FedHealth.Coordinator.Study;
using FedHealth.Core.Options;
using FedHealth.Models.Manifests;
using FedHealth.Training.Data.Csv;
using FedHealth.Training.Data.Preprocessing;

namespace FedHealth.Cli.Commands.Models;

/// <summary>The manifest of a finished study's final model, from its options, result and report, and the host's knowledge of its inputs (<see cref="ModelInputs"/>).</summary>
internal static class ManifestBuilder
{
    /// <param name="checkpoints">Model hash → checkpoint file (relative to <c>model/</c>) for the rounds whose weights were kept.</param>
    public static ModelManifest Build(
        StudyOptions study, StudyResult result, JsonObject report, IReadOnlyDictionary<string, string> checkpoints, ModelInputs inputs)
    {
        var layout = inputs.Layout;
        var committed = result.Rounds.Where(r => r.ModelUpdated).ToList();
        return new ModelManifest
        {
            Id = result.FinalWeights.ContentHash(),
            WeightsFile = string.Empty,
            Study = result.Study.Value,
            Status = result.Status,
            CreatedUtc = DateTimeOffset.UtcNow,
            Architecture = ManifestLayout.Describe(study.Model, result.FinalWeights),
            Features = new FeatureInfo(
                [.. inputs.Columns.Select(c => new FeatureColumnInfo(c.Name, c.Levels))],
                [.. layout.InputNames], [.. layout.IndicatorColumns], [.. layout.OutputNames]),
            Preprocessing = inputs.Preprocessing,
            Label = inputs.Label,
            Training = (JsonObject)report["config"]!.DeepClone(),
            CodeVersion = CodeVersion(),
            SchemaHash = SchemaHash(inputs.Label, inputs.Columns),
            Sites = [.. committed.SelectMany(r => r.SitesSucceeded).Select(s => s.Value).Distinct(StringComparer.Ordinal)],
            Rounds = Lineage(result, checkpoints),
            SecureAggregation = committed.Any(r => r.SecureAggregation),
            Privacy = new PrivacyInfo(study.Privacy.Mode.ToString().ToLowerInvariant(), result.Privacy?.EpsilonRecord, result.Privacy?.EpsilonSite, result.Privacy?.Delta),
            Evaluation = report["final"]?.DeepClone() as JsonObject,
            Fairness = report["fairness"]?.DeepClone() as JsonObject,
            History = [.. result.Rounds.Select(r => new RoundMetrics(
                r.Round, Finite(r.TrainLoss), Finite(r.Evaluation?.Loss), Finite(r.Evaluation?.Accuracy), Finite(r.Evaluation?.Auc), Finite(r.Privacy?.EpsilonRecord), Finite(r.Privacy?.EpsilonSite)))],
            Histogram = result.FinalEvaluation?.PooledHistogram is { } h ? new HistogramInfo([.. h.Positives], [.. h.Negatives]) : null,
            PermutationImportance = result.FinalEvaluation?.PermutationImportance is { } importance && importance.Count == layout.OutputNames.Length
                ? [.. importance.Select((v, j) => new FeatureImportanceInfo(layout.OutputNames[j], v))]
                : null,
        };
    }

    internal static StatisticsInfo Info(FeatureStatistics statistics) =>
        new([.. statistics.ImputationValues], [.. statistics.Means], [.. statistics.StandardDeviations]);

    private static IReadOnlyList<RoundLineage> Lineage(StudyResult result, IReadOnlyDictionary<string, string> checkpoints)
    {
        var lineage = new List<RoundLineage>(result.Rounds.Count);
        var parent = result.InitialWeights?.ContentHash();
        foreach (var round in result.Rounds)
        {
            lineage.Add(new RoundLineage(round.Round, round.ModelHash, parent, round.ModelUpdated,
                [.. round.SitesSucceeded.Select(s => s.Value)], checkpoints.GetValueOrDefault(round.ModelHash)));
            parent = round.ModelHash;
        }

        return lineage;
    }

    internal static string CodeVersion() =>
        typeof(ManifestBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    internal static string SchemaHash(string label, IReadOnlyList<FeatureColumn> columns)
    {
        var text = new StringBuilder().Append("label=").Append(label).Append('\n');
        foreach (var column in columns)
        {
            text.Append(column.Name).Append(column.Levels is null ? ":number" : ":category[" + string.Join('\u001f', column.Levels) + "]").Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
