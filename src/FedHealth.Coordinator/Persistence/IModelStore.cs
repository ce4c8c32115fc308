using FedHealth.Core.Weights;

namespace FedHealth.Coordinator.Persistence;

/// <summary>The global models of a study's committed rounds, by content hash (<see cref="ModelWeights.ContentHash"/>).</summary>
public interface IModelStore
{
    /// <summary>Stores the weights (durably, before it returns) and gives their hash.</summary>
    string Put(ModelWeights weights);

    /// <summary>The weights of that hash, checked against it; null when the store does not hold them.</summary>
    ModelWeights? Get(string hash);

    /// <summary>Removes every model but those named.</summary>
    void Keep(IReadOnlySet<string> hashes);
}
