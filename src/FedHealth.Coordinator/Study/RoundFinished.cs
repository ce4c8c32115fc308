using Akka.Actor;
using FedHealth.Coordinator.Rounds;

namespace FedHealth.Coordinator.Study;

/// <summary>Progress event: one round is over (completed or aborted).</summary>
public sealed record RoundFinished(RoundRecord Record, int TotalRounds) : INoSerializationVerificationNeeded;
