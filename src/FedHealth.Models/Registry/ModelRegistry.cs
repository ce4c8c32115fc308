using System.Text.RegularExpressions;
using FedHealth.Models.Manifests;

namespace FedHealth.Models.Registry;

/// <summary>
/// The models under a folder: a run folder (its <c>model/</c>), or a folder of run folders such as
/// <c>runs/</c>. Models are found by id or by an unambiguous prefix of it.
/// </summary>
public sealed partial class ModelRegistry
{
    public const string DefaultFolder = "runs";

    /// <summary>The shortest id prefix accepted, so a typo does not pick a model by accident.</summary>
    public const int MinimumPrefix = 6;

    private readonly string _root;

    private ModelRegistry(string root, IReadOnlyList<StoredModel> models)
    {
        _root = root;
        Models = models;
    }

    /// <summary>Every model found, newest first.</summary>
    public IReadOnlyList<StoredModel> Models { get; }

    /// <exception cref="ModelStoreException">The folder does not exist or a manifest cannot be read.</exception>
    public static ModelRegistry Open(string? from)
    {
        var root = from ?? DefaultFolder;
        if (!Directory.Exists(root))
        {
            throw new ModelStoreException($"--from: no such folder '{root}' (name a run folder or a folder of runs).");
        }

        var folders = new List<string>();
        if (Directory.Exists(ModelStore.ModelFolder(root)))
        {
            folders.Add(ModelStore.ModelFolder(root));
        }

        folders.AddRange(Directory.EnumerateDirectories(root)
            .Select(ModelStore.ModelFolder)
            .Where(Directory.Exists)
            .Order(StringComparer.Ordinal));
        var models = folders
            .SelectMany(f => Directory.EnumerateFiles(f, "*" + ModelStore.ManifestExtension))
            .Where(p => ManifestName().IsMatch(Path.GetFileName(p)))
            .Select(p => new StoredModel(ManifestJson.Deserialize(File.ReadAllText(p), p), p))
            .OrderByDescending(m => m.Manifest.CreatedUtc)
            .ToList();
        return new ModelRegistry(root, models);
    }

    /// <summary>The model with this id or id prefix; the newest copy when several runs hold the same model.</summary>
    /// <exception cref="ModelStoreException">No model, or several different models, match.</exception>
    public StoredModel Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var wanted = id.Trim().ToLowerInvariant();
        if (wanted.Length < MinimumPrefix)
        {
            throw new ModelStoreException($"The model id '{id}' is too short: give at least {MinimumPrefix} characters of it.");
        }

        var matches = Models.Where(m => m.Id.StartsWith(wanted, StringComparison.Ordinal)).ToList();
        if (matches.Count == 0)
        {
            throw new ModelStoreException(
                $"No model '{id}' under '{_root}' ({Models.Count} models there; 'fedhealth models list --from {_root}' shows them).");
        }

        var distinct = matches.Select(m => m.Id).Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 1
            ? matches[0]
            : throw new ModelStoreException($"The model id '{id}' is ambiguous: it starts {string.Join(", ", distinct)}.");
    }

    [GeneratedRegex("^[0-9a-f]{64}\\.json$")]
    private static partial Regex ManifestName();
}
