namespace FedHealth.Coordinator.Aggregation;

/// <summary>
/// A server-side optimiser (Reddi et al. 2021): treats the mean update Δ = mean(w_site − w_global)
/// as a pseudo-gradient and takes one step from the current global weights. Pure: the state goes in
/// and comes out, so the caller decides when it is kept.
/// </summary>
public interface IServerOptimizer
{
    string Name { get; }

    ServerStep Step(ServerOptimizerState state, ReadOnlySpan<float> weights, ReadOnlySpan<float> pseudoGradient);
}
