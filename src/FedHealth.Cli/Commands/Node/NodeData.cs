using FedHealth.Cli.Commands.Services;
using FedHealth.Cli.Console;
using FedHealth.Core.Data;
using FedHealth.Core.Ids;
using FedHealth.Training.Data;
using FedHealth.Training.Data.Csv;
using FedHealth.Training.Data.Preprocessing;
using FedHealth.Training.Data.Preprocessing.Federated;
using FedHealth.Training.Data.Synthetic;

namespace FedHealth.Cli.Commands.Node;

/// <summary>
/// Loads a node's own rows, checks them against the consortium schema, splits them, and wraps
/// them so the site can be prepared with pooled or with its own statistics. Errors name the file,
/// the columns or the site, never a value.
/// </summary>
internal static class NodeData
{
    public static PooledSitePreprocessing Load(SiteId site, DataSection data, SchemaSection schema)
    {
        var (raw, rows) = Rows(data, schema);
        var split = SiteSplitter.Split(raw, rows, data.Seed, data.TestFraction, allowSingleClass: true);
        var layout = new FeatureLayout(schema.Columns, schema.MissingIndicators);
        return new PooledSitePreprocessing(new SiteData(site, split.Train, split.Test), layout);
    }

    /// <summary>This site's raw rows (before any split), checked against the schema's columns.</summary>
    public static (RawDataset Raw, RawSite Rows) Rows(DataSection data, SchemaSection schema)
    {
        var raw = data.Kind switch
        {
            "synthetic" => SyntheticCohortGenerator.Generate(data.Seed, data.Sites),
            "fhir" => NodeSources.ReadFhir(data, schema, strict: true).Dataset,
            "omop" => NodeSources.ReadOmop(data, schema, strict: true).Dataset,
            _ => LoadCsv(data, schema),
        };
        var rows = data.Kind == "synthetic"
            ? raw.Sites[data.Index]
            : data.SiteValue is { } value
                ? raw.Sites.SingleOrDefault(s => s.Site.Value == value)
                  ?? throw new UserInputException($"Node:Data: the file has no rows with {data.SiteColumn} = '{value}' (its sites: {string.Join(", ", raw.Sites.Select(s => s.Site.Value))}).")
                : raw.Sites.Single();
        if (!raw.FeatureNames.SequenceEqual(schema.Columns))
        {
            throw new UserInputException(
                $"Node:Data: the data's columns ({string.Join(", ", raw.FeatureNames)}) are not the schema's ({string.Join(", ", schema.Columns)}), in the same order.");
        }

        return (raw, rows);
    }

    private static RawDataset LoadCsv(DataSection data, SchemaSection schema)
    {
        if (!File.Exists(data.Path))
        {
            throw new UserInputException($"Node:Data:Path: no such file '{data.Path}'.");
        }

        try
        {
            return CsvDatasetLoader.Load(data.Path, new CsvOptions(schema.Label!)
            {
                SiteColumn = data.SiteColumn,
                SplitColumn = data.SplitColumn,
                CategoricalColumns = data.Categorical,
                AllowSingleClassSites = true,
            });
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UserInputException($"Node:Data:Path: cannot read '{data.Path}': {ex.Message}", ex);
        }
    }
}
