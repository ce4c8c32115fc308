using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text;
using FedHealth.Cli.Commands.Sim;
using FedHealth.Coordinator.Study;
using FedHealth.Core.Options;
using FedHealth.Models.Manifests;
using FedHealth.Training.Data.Csv;
using FedHealth.Training.Data.Preprocessing.Federated;
using FedHealth.Training.Data.Preprocessing;
using FedHealth.Training.Data.Synthetic;
using FedHealth.Training.Data;

namespace FedHealth.Cli.Commands.Models;

/// <summary>The manifest of a finished <c>sim</c> study's final model, from its options, result, data and report.</summary>
internal static class ManifestBuilder
{
    /// <param name="checkpoints">Model hash → checkpoint file (relative to <c>model/</c>) for the rounds whose weights were kept.</param>
    public static ModelManifest Build(
        StudyOptions study, StudyResult result, PreparedDataset dataset, SimSettings settings, JsonObject report, IReadOnlyDictionary<string, string> checkpoints)
    {
        var layout = dataset.Pooling.Count > 0
            ? dataset.Pooling[0].Layout
            : throw new InvalidOperationException("The prepared dataset has no raw site rows to describe its preprocessing.");
        var columns = Columns(settings, layout);
        var label = settings.IsSynthetic ? SyntheticCohortGenerator.LabelColumn : settings.Label!;
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
                [.. columns.Select(c => new FeatureColumnInfo(c.Name, c.Levels))],
                [.. layout.InputNames], [.. layout.IndicatorColumns], [.. layout.OutputNames]),
            Preprocessing = Preprocessing(study, result, dataset, layout),
            Label = label,
            Training = (JsonObject)report["config"]!.DeepClone(),
            CodeVersion = CodeVersion(),
            SchemaHash = SchemaHash(label, columns),
            Sites = [.. committed.SelectMany(r => r.SitesSucceeded).Select(s => s.Value).Distinct(StringComparer.Ordinal)],
            Rounds = Lineage(result, checkpoints),
            SecureAggregation = committed.Any(r => r.SecureAggregation),
            Privacy = new PrivacyInfo(study.Privacy.Mode.ToString().ToLowerInvariant(), result.Privacy?.EpsilonRecord, result.Privacy?.EpsilonSite, result.Privacy?.Delta),
            Evaluation = report["final"]?.DeepClone() as JsonObject,
            History = [.. result.Rounds.Select(r => new RoundMetrics(r.Round, Finite(r.TrainLoss), Finite(r.Evaluation?.Loss), Finite(r.Evaluation?.Accuracy), Finite(r.Evaluation?.Auc)))],
            Histogram = result.FinalEvaluation?.PooledHistogram is { } h ? new HistogramInfo([.. h.Positives], [.. h.Negatives]) : null,
        };
    }

    private static IReadOnlyList<FeatureColumn> Columns(SimSettings settings, FeatureLayout layout)
    {
        if (settings.IsSynthetic)
        {
            return [.. layout.InputNames.Select(n => new FeatureColumn(n, null))];
        }

        return CsvFeatureSchema.Describe(settings.Data, new CsvOptions(settings.Label!)
        {
            SiteColumn = settings.SiteColumn,
            SplitColumn = settings.SplitColumn,
            CategoricalColumns = settings.CategoricalColumns,
        });
    }

    // The statistics are recomputed from the same training rows the sites used: pooled exactly as
    // the secure sum decodes them (same encoding and rounding), or each site's own.
    private static PreprocessingInfo Preprocessing(StudyOptions study, StudyResult result, PreparedDataset dataset, FeatureLayout layout)
    {
        if (study.FederatedStatistics is null)
        {
            var own = dataset.Pooling.ToDictionary(
                p => p.Site.Value,
                p => Info(FeatureStatistics.FromTraining(p.RawSplit.Train, layout)),
                StringComparer.Ordinal);
            return new PreprocessingInfo(PreprocessingInfo.PerSite, null, own);
        }

        var contributors = result.Statistics?.Prepared.Select(s => s.Value).ToHashSet(StringComparer.Ordinal);
        var sites = dataset.Pooling.Where(p => contributors is null || contributors.Contains(p.Site.Value)).ToList();
        var pooled = new StatisticsEncoding().Pool([.. sites.Select(p => SufficientStatistics.FromTraining(p.RawSplit.Train, layout))]);
        return new PreprocessingInfo(PreprocessingInfo.Pooled, Info(PooledFeatureStatistics.From(pooled, layout)), null);
    }

    private static StatisticsInfo Info(FeatureStatistics statistics) =>
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

    private static string SchemaHash(string label, IReadOnlyList<FeatureColumn> columns)
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
