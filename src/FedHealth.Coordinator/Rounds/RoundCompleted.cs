using Akka.Actor;
using Akka.Event;
using FedHealth.Core.Weights;

namespace FedHealth.Coordinator.Rounds;

/// <summary>Round child → study: the round is over; <see cref="Global"/> is the model to continue with.</summary>
public sealed record RoundCompleted(RoundRecord Record, ModelWeights Global) : INoSerializationVerificationNeeded;
