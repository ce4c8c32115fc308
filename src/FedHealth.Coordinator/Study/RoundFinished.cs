using Akka.Actor;
using FedHealth.Coordinator.Rounds;
using FedHealth.Core.Weights;

namespace FedHealth.Coordinator.Study;

/// <summary>Progress event: one round is over (completed or aborted).</summary>
public sealed record RoundFinished(RoundRecord Record, int TotalRounds) : INoSerializationVerificationNeeded
{
    /// <summary>The global model once this round is committed (a checkpoint for the host to keep, if it wants).</summary>
    public ModelWeights? Global { get; init; }
}
