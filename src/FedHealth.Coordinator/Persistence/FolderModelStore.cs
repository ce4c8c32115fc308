using FedHealth.Core.Weights;

namespace FedHealth.Coordinator.Persistence;

/// <summary>
/// The models of a durable state: one file per model, named by its content hash, in a folder beside
/// the database. A file is written to a temporary name, flushed and then renamed, so a crash leaves
/// either the whole model or none; a file whose content does not match its name is never used.
/// </summary>
public sealed class FolderModelStore(string directory) : IModelStore
{
    private const string Extension = ".model";

    public string Put(ModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var hash = weights.ContentHash();
        var path = PathOf(hash);
        if (File.Exists(path))
        {
            return hash;
        }

        Directory.CreateDirectory(directory);
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(ModelBlob.Write(weights));
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        return hash;
    }

    public ModelWeights? Get(string hash)
    {
        var path = PathOf(hash);
        if (!File.Exists(path))
        {
            return null;
        }

        ModelWeights weights;
        try
        {
            weights = ModelBlob.Read(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or ArgumentException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"The model file '{path}' is damaged ({ex.Message}): restore the state's models folder from a backup.", ex);
        }

        return weights.ContentHash() == hash
            ? weights
            : throw new InvalidDataException($"The model file '{path}' does not hold the model its name says: restore the state's models folder from a backup.");
    }

    public void Keep(IReadOnlySet<string> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*" + Extension))
        {
            if (!hashes.Contains(Path.GetFileNameWithoutExtension(file)))
            {
                File.Delete(file);
            }
        }
    }

    private string PathOf(string hash)
    {
        if (hash.Length != 64 || !hash.All(Uri.IsHexDigit))
        {
            throw new ArgumentException($"'{hash}' is not a model hash.", nameof(hash));
        }

        return Path.Combine(directory, hash + Extension);
    }
}
