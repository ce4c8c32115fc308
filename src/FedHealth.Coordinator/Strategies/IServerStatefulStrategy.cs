using FedHealth.Coordinator.Aggregation;

namespace FedHealth.Coordinator.Strategies;

/// <summary>A strategy that remembers something between rounds (a server optimiser's moments): the study persists it with each committed round and gives it back on resume.</summary>
public interface IServerStatefulStrategy
{
    /// <summary>The state after the last aggregation; null when there is none (a decorator around a stateless strategy).</summary>
    ServerOptimizerState? ServerState { get; }

    void RestoreServerState(ServerOptimizerState state);
}
