using Akka.Actor;

namespace FedHealth.Coordinator.Rounds;

/// <summary>Study → round: the round's privacy cost is persisted; the round may release.</summary>
public sealed record RoundChargeRecorded(int Round) : INoSerializationVerificationNeeded;
