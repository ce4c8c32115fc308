using System.Text.Json.Nodes;
using FedHealth.Cli.Commands.Sim;
using FedHealth.Models.Cards;
using FedHealth.Models.Figures;
using FedHealth.Models.Manifests;
using FedHealth.Models.Registry;
using FedHealth.Training.Data;
using FedHealth.Training.Data.Preprocessing;

namespace FedHealth.Cli.Commands.Models;

/// <summary>
/// <c>sim --processes</c>: the coordinator process kept the model, its checkpoints and card in its
/// own output folder, knowing only the consortium's schema. The launcher, which read the CSV as
/// <c>sim</c> does, stores it in the run folder as <c>sim</c> would: the raw columns with their
/// one-hot levels (so <c>models predict</c> takes the original CSV), the report's full config, and
/// each site's own statistics when the sites standardised with their own.
/// </summary>
internal static class LauncherModel
{
    /// <returns>The model stored in the run folder; null when the coordinator kept none (it failed before the end).</returns>
    public static StoredModel? Adopt(string coordinatorOutput, string runFolder, SimSettings settings, PreparedDataset dataset, JsonObject report)
    {
        var source = Directory.Exists(ModelStore.ModelFolder(coordinatorOutput)) ? ModelRegistry.Open(coordinatorOutput).Models.FirstOrDefault() : null;
        if (source is null)
        {
            return null;
        }

        var layout = dataset.Pooling[0].Layout;
        var manifest = source.Manifest;
        var columns = SimModelInputs.Columns(settings, layout);
        var label = manifest.Label;
        var adopted = manifest with
        {
            Features = manifest.Features with { Columns = [.. columns.Select(c => new FeatureColumnInfo(c.Name, c.Levels))] },
            SchemaHash = ManifestBuilder.SchemaHash(label, columns),
            Training = (JsonObject)report["config"]!.DeepClone(),
            Preprocessing = manifest.Preprocessing.Mode == PreprocessingInfo.PerSite
                ? manifest.Preprocessing with
                {
                    SiteStatistics = dataset.Pooling.ToDictionary(
                        p => p.Site.Value, p => ManifestBuilder.Info(FeatureStatistics.FromTraining(p.RawSplit.Train, layout)), StringComparer.Ordinal),
                }
                : manifest.Preprocessing,
        };
        CopyFolder(Path.Combine(ModelStore.ModelFolder(coordinatorOutput), ModelStore.CheckpointFolderName), Path.Combine(ModelStore.ModelFolder(runFolder), ModelStore.CheckpointFolderName));
        foreach (var figure in new[] { EvaluationFigures.CalibrationFile, EvaluationFigures.FairnessSitesFile })
        {
            if (File.Exists(Path.Combine(coordinatorOutput, figure)))
            {
                File.Copy(Path.Combine(coordinatorOutput, figure), Path.Combine(runFolder, figure), overwrite: false);
            }
        }

        var stored = ModelStore.Save(runFolder, adopted, source.Weights());
        CardWriter.Write(stored, ModelStore.ModelFolder(runFolder));
        return stored;
    }

    private static void CopyFolder(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: false);
        }
    }
}
