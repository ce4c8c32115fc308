using System.Buffers.Binary;
using FedHealth.Core.Weights;

namespace FedHealth.Models.Registry;

/// <summary>
/// The weights on disk: the flat float32 vector, little-endian, nothing else (the layout is in the
/// manifest). Reading checks the content hash, so a file that does not match its manifest is refused.
/// </summary>
internal static class WeightsFile
{
    public static void Write(string path, ModelWeights weights)
    {
        var bytes = new byte[weights.Length * sizeof(float)];
        var values = weights.Flat;
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        }

        File.WriteAllBytes(path, bytes);
    }

    /// <exception cref="ModelStoreException">The file is missing, has the wrong size, or its hash is not <paramref name="expectedHash"/>.</exception>
    public static ModelWeights Read(string path, IReadOnlyList<TensorSpec> specs, string expectedHash)
    {
        if (!File.Exists(path))
        {
            throw new ModelStoreException($"The weights file '{path}' is missing.");
        }

        var bytes = File.ReadAllBytes(path);
        var count = specs.Sum(s => s.ElementCount);
        if (bytes.Length != count * sizeof(float))
        {
            throw new ModelStoreException(
                $"The weights file '{path}' holds {bytes.Length} bytes; its manifest's layout needs {count * sizeof(float)}.");
        }

        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        }

        var weights = new ModelWeights(specs, values);
        var actual = weights.ContentHash();
        return actual == expectedHash
            ? weights
            : throw new ModelStoreException(
                $"The weights file does not match its manifest: '{path}' hashes to {actual}, the manifest says {expectedHash}.");
    }
}
