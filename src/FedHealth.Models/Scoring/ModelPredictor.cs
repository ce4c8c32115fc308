using System.Collections.Immutable;
using FedHealth.Core.Data;
using FedHealth.Models.Manifests;
using FedHealth.Models.Registry;
using FedHealth.Training.Data.Csv;
using FedHealth.Training.Data.Preprocessing;
using FedHealth.Training.Inference;

namespace FedHealth.Models.Scoring;

/// <summary>
/// Scores new patients with a stored model: the CSV encoded with the training columns and levels,
/// imputed and standardised with the manifest's statistics, then the model's forward pass.
/// </summary>
public static class ModelPredictor
{
    /// <summary>One probability per row of the CSV file at <paramref name="csvPath"/>.</summary>
    /// <param name="site">For a model trained with per-site statistics: whose statistics to use.</param>
    /// <exception cref="Training.Data.DataValidationException">The file lacks a column, has a non-number or an unseen category.</exception>
    /// <exception cref="ModelStoreException">The model's weights or statistics cannot be used as asked.</exception>
    public static double[] Predict(StoredModel model, string csvPath, string? site = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var rows = CsvScoringRows.Load(csvPath, Columns(model.Manifest.Features));
        return Predict(model, rows, site);
    }

    /// <summary>Probabilities for rows already encoded in the manifest's input columns (before imputation and standardisation).</summary>
    public static double[] Predict(StoredModel model, TabularData encodedRows, string? site = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var manifest = model.Manifest;
        var preprocessed = Preprocessor(manifest, site).Transform(encodedRows);
        return ModelScorer.Probabilities(ManifestLayout.Spec(manifest.Architecture), model.Weights(), preprocessed);
    }

    public static IReadOnlyList<FeatureColumn> Columns(FeatureInfo features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return [.. features.Columns.Select(c => new FeatureColumn(c.Name, c.Levels))];
    }

    public static Preprocessor Preprocessor(ModelManifest manifest, string? site)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var layout = new FeatureLayout(manifest.Features.Inputs, manifest.Features.IndicatorColumns);
        var statistics = StatisticsFor(manifest.Preprocessing, site);
        return Training.Data.Preprocessing.Preprocessor.FromStatistics(layout, new FeatureStatistics(
            [.. statistics.ImputationValues], [.. statistics.Means], [.. statistics.StandardDeviations]));
    }

    /// <summary>The statistics that standardise rows for this model (for <paramref name="site"/> when each site used its own).</summary>
    public static StatisticsInfo StatisticsFor(PreprocessingInfo preprocessing, string? site)
    {
        ArgumentNullException.ThrowIfNull(preprocessing);
        if (preprocessing.Statistics is { } pooled)
        {
            return site is null
                ? pooled
                : throw new ModelStoreException("--site applies to a model trained with per-site statistics; this one used pooled statistics for every site.");
        }

        var sites = preprocessing.SiteStatistics ?? ImmutableDictionary<string, StatisticsInfo>.Empty;
        if (site is null)
        {
            throw new ModelStoreException(
                $"This model was trained with each site's own statistics: name the site whose statistics to use with --site (one of: {string.Join(", ", sites.Keys)}).");
        }

        return sites.TryGetValue(site, out var own)
            ? own
            : throw new ModelStoreException($"--site: no site '{site}' in this model (sites: {string.Join(", ", sites.Keys)}).");
    }
}
