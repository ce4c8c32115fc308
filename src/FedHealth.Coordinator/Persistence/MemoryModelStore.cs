using System.Collections.Concurrent;
using FedHealth.Core.Weights;

namespace FedHealth.Coordinator.Persistence;

/// <summary>The model store of a study kept in memory (a simulation without <c>--state</c>).</summary>
public sealed class MemoryModelStore : IModelStore
{
    private readonly ConcurrentDictionary<string, ModelWeights> _models = new(StringComparer.Ordinal);

    public string Put(ModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var hash = weights.ContentHash();
        _models[hash] = weights;
        return hash;
    }

    public ModelWeights? Get(string hash) => _models.GetValueOrDefault(hash);

    public void Keep(IReadOnlySet<string> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        foreach (var hash in _models.Keys.Where(h => !hashes.Contains(h)).ToList())
        {
            _models.TryRemove(hash, out _);
        }
    }
}
