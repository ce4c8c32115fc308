using FedHealth.Cli.Commands.Services;
using FedHealth.Coordinator.Study;
using FedHealth.Models.Manifests;
using FedHealth.Training.Data.Csv;
using FedHealth.Training.Data.Preprocessing;
using FedHealth.Training.Data.Preprocessing.Federated;

namespace FedHealth.Cli.Commands.Models;

/// <summary>
/// The coordinator service's model inputs, from what it knows without any data: the consortium's
/// agreed columns (the <c>Schema</c> section: the nodes' CSVs hold exactly these, already numeric)
/// and the pooled statistics it released to every site, decoded as the sites decode them. With
/// per-site statistics the coordinator never saw any, so the manifest names none.
/// </summary>
internal static class ServiceModelInputs
{
    public static ModelInputs From(SchemaSection schema, StudyResult result)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(result);
        var layout = new FeatureLayout(schema.Columns, schema.MissingIndicators);
        var columns = schema.Columns.Select(c => new FeatureColumn(c, null)).ToList();
        var preprocessing = result.Statistics?.Pooled is { } released
            ? new PreprocessingInfo(
                PreprocessingInfo.Pooled,
                ManifestBuilder.Info(PooledFeatureStatistics.From(new StatisticsEncoding(released.ModulusBits).Decode(released.Sum), layout)),
                null)
            : new PreprocessingInfo(PreprocessingInfo.PerSite, null, new Dictionary<string, StatisticsInfo>(StringComparer.Ordinal));
        return new ModelInputs(schema.Label ?? string.Empty, columns, layout, preprocessing);
    }
}
