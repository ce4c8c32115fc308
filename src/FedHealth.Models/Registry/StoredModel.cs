using FedHealth.Core.Weights;
using FedHealth.Models.Manifests;

namespace FedHealth.Models.Registry;

/// <summary>A manifest found on disk, where it is, and its weights (read and hash-checked on demand).</summary>
public sealed class StoredModel
{
    private ModelWeights? _weights;

    public StoredModel(ModelManifest manifest, string manifestPath)
    {
        Manifest = manifest;
        ManifestPath = manifestPath;
    }

    public ModelManifest Manifest { get; }

    public string ManifestPath { get; }

    /// <summary>The run folder the model belongs to (the parent of its <c>model/</c> folder).</summary>
    public string RunFolder => Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(ManifestPath))!)!;

    public string Id => Manifest.Id;

    /// <exception cref="ModelStoreException">The weights file is missing or does not match the manifest.</exception>
    public ModelWeights Weights() => _weights ??= WeightsFile.Read(
        Path.Combine(Path.GetDirectoryName(ManifestPath)!, Manifest.WeightsFile),
        ManifestLayout.Specs(Manifest.Architecture),
        Manifest.Id);
}
