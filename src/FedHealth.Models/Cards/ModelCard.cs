using System.Globalization;
using System.Text.Json.Nodes;
using FedHealth.Core.Weights;
using FedHealth.Models.Figures;
using FedHealth.Models.Manifests;

namespace FedHealth.Models.Cards;

/// <summary>
/// The model card's content, from the manifest alone: intended use and limitations, data per site,
/// performance, privacy, training, feature effects, lineage, and the figures. Rendered by
/// <see cref="MarkdownCard"/> and <see cref="HtmlCard"/>.
/// </summary>
public static class ModelCard
{
    public static IReadOnlyList<CardSection> Sections(ModelManifest manifest, ModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(weights);
        var training = manifest.Training;
        var sections = new List<CardSection>
        {
            new("Model", [
                $"A {(manifest.Architecture.Kind == ManifestLayout.Mlp ? $"multilayer perceptron (hidden layers {string.Join(", ", manifest.Architecture.Hidden)})" : "logistic regression")} " +
                $"predicting `{manifest.Label}` from {manifest.Features.Outputs.Count} inputs; a row is positive at a probability of at least {F(manifest.Threshold)}.",
                $"Model id `{manifest.Id}`, study `{manifest.Study}` ({manifest.Status})."]),
            new("Intended use and limitations", [
                .. Stated(training),
                $"Trained by federated learning (strategy {Text(training["strategy"])}) on the data in `{Text(training["data"])}`; scores new patients with the same columns through `fedhealth models predict`.",
                "It was evaluated only on the sites' held-out rows listed below; it is not validated for clinical decisions, and sites whose case mix differs from these may see other performance.",
                manifest.Preprocessing.Mode == PreprocessingInfo.Pooled
                    ? "Inputs are imputed with the pooled means and standardised with the pooled means and SDs released by the secure statistics stage."
                    : "Each site imputed (median) and standardised with its own training statistics: scoring needs the statistics of a named site (`--site`)."]),
            DataSection(training),
            PerformanceSection(manifest),
            new("Privacy", [
                $"Differential privacy: {manifest.Privacy.Mode}" +
                    (manifest.Privacy.EpsilonRecord is { } er ? $"; record-level ε = {F(er)}" : string.Empty) +
                    (manifest.Privacy.EpsilonSite is { } es ? $"; site-level ε = {F(es)}" : string.Empty) +
                    (manifest.Privacy.Delta is { } d ? $" at δ = {d.ToString(CultureInfo.InvariantCulture)}" : string.Empty) + ".",
                $"Secure aggregation: {(manifest.SecureAggregation ? "on — the coordinator saw only the sum of the sites' updates, never one site's" : "off — the coordinator saw each site's update")}.",
                "The coordinator saw per round the aggregated model, the sites' evaluation counts and metrics, and the summed score histogram; in the last round also each site's permutation loss increases, sums over its test rows; no patient row."])
            {
                Figure = EffectFigures.PrivacyPerRound(manifest) is { } privacy ? (EffectFigures.PrivacyFile, privacy) : null,
            },
            new("Training", [
                $"Strategy {Text(training["strategy"])}, {manifest.Rounds.Count(r => r.ModelUpdated)} committed rounds of {manifest.Rounds.Count}, " +
                $"optimizer {Text(training["optimizer"])} at learning rate {Text(training["lr"])}, batch size {Text(training["batch_size"])}, fraction of sites per round {Text(training["fraction_fit"])}.",
                $"Sites contributing: {string.Join(", ", manifest.Sites)}; rounds with a failed or dropped site: {manifest.Rounds.Count(r => r.Sites.Count < manifest.Sites.Count)}."])
            {
                Figure = ModelFigures.LearningCurve(manifest) is { } curve ? (ModelFigures.LearningCurveFile, curve) : null,
            },
            EffectsSection(manifest, weights),
            new("Lineage", [
                $"Code version `{manifest.CodeVersion}`, data schema `{manifest.SchemaHash}`.",
                "Round → model (parent): " + string.Join("; ", manifest.Rounds.Select(r => $"{r.Round} → {Short(r.ModelHash)} ({(r.ParentHash is { } parent ? Short(parent) : "initial")})")) + "."]),
        };
        return sections;
    }

    /// <summary>The study's own description, intended use and limitations, as its configuration states them.</summary>
    private static IEnumerable<string> Stated(JsonObject training)
    {
        foreach (var (key, label) in new[] { ("description", "Purpose"), ("intended_use", "Intended use"), ("limitations", "Limitations") })
        {
            if (training[key] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
            {
                yield return $"{label} (as the study states it): {text}";
            }
        }
    }

    private static CardSection DataSection(JsonObject training)
    {
        var sites = training["data_summary"]?["sites"] as JsonObject;
        return new CardSection("Data per site", ["Counts and prevalence as released by each site."])
        {
            Headers = ["site", "training rows", "test rows", "training prevalence"],
            Rows = sites is null ? [] : [.. sites.Select(kv => (IReadOnlyList<string>)[kv.Key, Text(kv.Value?["n_train"]), Text(kv.Value?["n_test"]), Text(kv.Value?["train_prevalence"])])],
        };
    }

    private static CardSection PerformanceSection(ModelManifest manifest)
    {
        var perSite = manifest.Evaluation?["per_site"] as JsonObject;
        return new CardSection("Performance", [
            $"Pooled over every site's test rows: accuracy {F(ModelFacts.Metric(manifest, "pooled_accuracy"))}, AUC {F(ModelFacts.Metric(manifest, "pooled_auc"))}, loss {F(ModelFacts.Metric(manifest, "pooled_loss"))}; mean site accuracy {F(ModelFacts.Metric(manifest, "mean_site_accuracy"))}.",
            "The ROC curve is drawn from the score histograms the sites summed, so no patient's score left a site.",
            .. CalibrationAndFairness(manifest)])
        {
            Headers = ["site", "test rows", "accuracy", "AUC", "loss"],
            Rows = perSite is null ? [] : [.. perSite.Select(kv => (IReadOnlyList<string>)[kv.Key, Text(kv.Value?["n_test"]), Text(kv.Value?["accuracy"]), Text(kv.Value?["auc"]), Text(kv.Value?["loss"])])],
            Figure = ModelFigures.Roc(manifest) is { } roc ? (ModelFigures.RocFile, roc) : null,
        };
    }

    /// <summary>Calibration of the pooled predictions and the spread across sites, as the report released them.</summary>
    private static IEnumerable<string> CalibrationAndFairness(ModelManifest manifest)
    {
        if (manifest.Evaluation?["calibration"] is JsonObject calibration)
        {
            yield return $"Calibration (from the summed histograms): Brier score {Text(calibration["brier"])}, ECE (10 bins) {Text(calibration["ece_10"])}, " +
                $"recalibration slope {Text(calibration["slope"])} and intercept {Text(calibration["intercept"])} (1 and 0 when calibrated).";
        }

        if (manifest.Fairness?["across_sites"] is JsonObject across)
        {
            foreach (var metric in new[] { "accuracy", "auc" })
            {
                if (across[metric] is JsonObject m)
                {
                    yield return $"Across sites ({(metric == "auc" ? "AUC" : metric)}): worst site {Text(m["worst_site"])} {Text(m["worst"])}, best site {Text(m["best_site"])} {Text(m["best"])}, gap {Text(m["gap"])}" +
                        $" (sites with fewer than {Text(across["minimum_count"])} test patients are left out).";
                }
            }
        }
    }

    private static CardSection EffectsSection(ModelManifest manifest, ModelWeights weights)
    {
        var importance = manifest.PermutationImportance;
        var importanceLine = importance is null
            ? "Permutation importance: not measured (the study's last round did not evaluate)."
            : "Permutation importance: the mean increase of the loss over every site's test rows when one input is shuffled among a site's rows " +
              $"({PermutationImportanceRepeats} repeats); each site measured it on its own rows and sent only sums over them, never a row; shown is the sum over the sites.";
        if (manifest.Architecture.Kind != ManifestLayout.LogisticRegression)
        {
            var ranked = (importance ?? []).OrderByDescending(i => Math.Abs(i.LossIncrease)).ToList();
            return new CardSection("Feature effects", [importanceLine])
            {
                Headers = importance is null ? null : ["feature", "loss increase when permuted"],
                Rows = [.. ranked.Select(i => (IReadOnlyList<string>)[i.Feature, G(i.LossIncrease)])],
                Figure = EffectFigures.FeatureBars([.. ranked.Select(i => (i.Feature, i.LossIncrease))], "Permutation importance (federated)", "mean loss increase when permuted")
                    is { } bars ? (EffectFigures.FeatureEffectsFile, bars) : null,
            };
        }

        var effects = LogisticCoefficients.Effects(manifest, weights);
        var byFeature = (importance ?? []).ToDictionary(i => i.Feature, i => i.LossIncrease, StringComparer.Ordinal);
        return new CardSection("Feature effects", [
            "Logistic-regression coefficients, sorted by magnitude: the change in log-odds per SD of the input (the model's standardised scale) and per unit of the raw value, with the odds ratios (exp of each).",
            importanceLine])
        {
            Headers = ["feature", "coefficient per SD", "odds ratio per SD", "coefficient per unit", "odds ratio per unit", "permutation importance"],
            Rows = [.. effects.Select(e => (IReadOnlyList<string>)[
                e.Feature, F(e.PerSd), F(e.OddsRatioPerSd), G(e.PerUnit), G(e.OddsRatioPerUnit), byFeature.TryGetValue(e.Feature, out var v) ? G(v) : "–"])],
            Figure = EffectFigures.FeatureBars([.. effects.Select(e => (e.Feature, e.PerSd))], "Logistic-regression coefficients per SD", "change in log-odds per SD")
                is { } png ? (EffectFigures.FeatureEffectsFile, png) : null,
        };
    }

    private const int PermutationImportanceRepeats = Core.Training.PermutationSettings.DefaultRepeats;

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;

    private static string F(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "–";

    // Per-unit effects of wide-ranged inputs (cholesterol in mg/dl) are small: keep significant digits.
    private static string G(double? value) => value is { } v ? v.ToString("G4", CultureInfo.InvariantCulture) : "–";

    private static string Text(JsonNode? node) => node switch
    {
        null => "–",
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
