using FedHealth.Coordinator.Aggregation;
using FedHealth.Coordinator.Rounds;

namespace FedHealth.Coordinator.Persistence;

/// <summary>A finished round (completed or aborted): its record (its global model's hash included, the weights in the model store) and the server optimiser's state after it.</summary>
public sealed record RoundCommitted(RoundRecord Record, ServerOptimizerState? ServerState) : IStudyEvent;
