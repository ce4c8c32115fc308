using System.Text.Json.Nodes;
using FedHealth.Cli.Commands.Sim;
using FedHealth.Coordinator.Study;
using FedHealth.Core.Options;
using FedHealth.Models.Cards;
using FedHealth.Models.Registry;
using FedHealth.Training.Data;

namespace FedHealth.Cli.Commands.Models;

/// <summary>What a finished <c>sim</c> run leaves beside its report: the final model, its manifest, the model card and the learning-curve and ROC figures in <c>model/</c> (docs/models.md).</summary>
internal static class ModelArtifacts
{
    public static StoredModel Save(string folder, StudyOptions study, StudyResult result, PreparedDataset dataset, SimSettings settings, JsonObject report)
    {
        var manifest = ManifestBuilder.Build(study, result, dataset, settings, report);
        var stored = ModelStore.Save(folder, manifest, result.FinalWeights);
        CardWriter.Write(stored, ModelStore.ModelFolder(folder));
        return stored;
    }
}
