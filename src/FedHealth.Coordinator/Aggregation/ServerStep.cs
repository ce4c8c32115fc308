namespace FedHealth.Coordinator.Aggregation;

/// <summary>The next global weights and the optimiser state that produced them.</summary>
public sealed record ServerStep(float[] Weights, ServerOptimizerState State);
