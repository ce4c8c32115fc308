using System.Text.Json.Nodes;
using FedHealth.Coordinator.Aggregation;
using FedHealth.Coordinator.Study;
using FedHealth.Core.Metrics;
using FedHealth.Core.Options;
using FedHealth.Models.Cards;
using FedHealth.Models.Figures;
using FedHealth.Models.Registry;

namespace FedHealth.Cli.Commands.Models;

/// <summary>What a finished study (<c>sim</c>, <c>sim --processes</c>, the coordinator service) leaves beside its report: the final model, its manifest, the model card and the learning-curve and ROC figures in <c>model/</c> (docs/models.md), and the calibration and fairness-across-sites figures in the run folder (docs/report-schema.md).</summary>
internal static class ModelArtifacts
{
    public static StoredModel Save(
        string folder, StudyOptions study, StudyResult result, JsonObject report, Checkpoints checkpoints, ModelInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        checkpoints.KeepInitial(result);
        var manifest = ManifestBuilder.Build(study, result, report, checkpoints.Files, inputs);
        var stored = ModelStore.Save(folder, manifest, result.FinalWeights);
        CardWriter.Write(stored, ModelStore.ModelFolder(folder));
        WriteEvaluationFigures(folder, result);
        return stored;
    }

    /// <summary>The run folder's calibration.png and fairness-sites.png, from the same figures as report.json's.</summary>
    private static void WriteEvaluationFigures(string folder, StudyResult result)
    {
        if (result.FinalEvaluation is not { } evaluation)
        {
            return;
        }

        var calibration = CalibrationSummary.Of(evaluation.PooledHistogram);
        var fairness = SiteFairness.Of(evaluation.PerSite);
        var bars = fairness.Sites.Select(s => new SiteBar(s.Site.Value, s.Accuracy, s.NumExamples)).ToList();
        EvaluationFigures.Write(folder, calibration.Reliability, calibration.Ece10, bars);
    }
}
