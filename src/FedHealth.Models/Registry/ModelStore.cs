using FedHealth.Core.Weights;
using FedHealth.Models.Manifests;

namespace FedHealth.Models.Registry;

/// <summary>
/// Writes a model into a run folder's <c>model/</c> directory, content-addressed:
/// <c>ID.json</c> (the manifest) and <c>ID.f32</c> (the weights), ID being the weights' SHA-256.
/// </summary>
public static class ModelStore
{
    public const string FolderName = "model";

    public const string ManifestExtension = ".json";

    public const string WeightsExtension = ".f32";

    public static string ModelFolder(string runFolder) => Path.Combine(runFolder, FolderName);

    public const string CheckpointFolderName = "checkpoints";

    /// <summary>
    /// Saves one round's global model as <c>model/checkpoints/HASH.f32</c> (once per hash) and
    /// returns its path relative to <c>model/</c>, as the manifest's lineage names it.
    /// </summary>
    public static string SaveCheckpoint(string runFolder, ModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var relative = Path.Combine(CheckpointFolderName, weights.ContentHash() + WeightsExtension);
        var path = Path.Combine(ModelFolder(runFolder), relative);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            WeightsFile.Write(path, weights);
        }

        return relative;
    }

    /// <summary>Saves <paramref name="manifest"/> with <paramref name="weights"/>; the manifest's id must be their hash.</summary>
    public static StoredModel Save(string runFolder, ModelManifest manifest, ModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(weights);
        var hash = weights.ContentHash();
        if (manifest.Id != hash)
        {
            throw new ArgumentException($"The manifest's id {manifest.Id} is not the weights' hash {hash}.", nameof(manifest));
        }

        var folder = ModelFolder(runFolder);
        Directory.CreateDirectory(folder);
        var stored = manifest with { WeightsFile = hash + WeightsExtension };
        WeightsFile.Write(Path.Combine(folder, stored.WeightsFile), weights);
        var path = Path.Combine(folder, hash + ManifestExtension);
        File.WriteAllText(path, ManifestJson.Serialize(stored));
        return new StoredModel(stored, path);
    }
}
