using FedHealth.Cli.Commands.Sim;
using FedHealth.Coordinator.Study;
using FedHealth.Core.Options;
using FedHealth.Models.Manifests;
using FedHealth.Training.Data;
using FedHealth.Training.Data.Csv;
using FedHealth.Training.Data.Preprocessing;
using FedHealth.Training.Data.Preprocessing.Federated;
using FedHealth.Training.Data.Synthetic;

namespace FedHealth.Cli.Commands.Models;

/// <summary>A <c>sim</c> model's inputs, from the data the simulator read: the CSV's columns with their levels, and the preprocessing recomputed from the sites' training rows.</summary>
internal static class SimModelInputs
{
    public static ModelInputs From(StudyOptions study, StudyResult result, PreparedDataset dataset, SimSettings settings)
    {
        var layout = dataset.Pooling.Count > 0
            ? dataset.Pooling[0].Layout
            : throw new InvalidOperationException("The prepared dataset has no raw site rows to describe its preprocessing.");
        var label = settings.IsSynthetic ? SyntheticCohortGenerator.LabelColumn : settings.Label!;
        return new ModelInputs(label, Columns(settings, layout), layout, Preprocessing(study, result, dataset, layout));
    }

    internal static IReadOnlyList<FeatureColumn> Columns(SimSettings settings, FeatureLayout layout)
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
                p => ManifestBuilder.Info(FeatureStatistics.FromTraining(p.RawSplit.Train, layout)),
                StringComparer.Ordinal);
            return new PreprocessingInfo(PreprocessingInfo.PerSite, null, own);
        }

        var contributors = result.Statistics?.Prepared.Select(s => s.Value).ToHashSet(StringComparer.Ordinal);
        var sites = dataset.Pooling.Where(p => contributors is null || contributors.Contains(p.Site.Value)).ToList();
        var pooled = new StatisticsEncoding().Pool([.. sites.Select(p => SufficientStatistics.FromTraining(p.RawSplit.Train, layout))]);
        return new PreprocessingInfo(PreprocessingInfo.Pooled, ManifestBuilder.Info(PooledFeatureStatistics.From(pooled, layout)), null);
    }
}
