using Akka.Actor;
using FedHealth.Core.Ids;

namespace FedHealth.Coordinator.Study;

/// <summary>
/// Published on the actor system's EventStream when a study starts waiting for its sites (with
/// <see cref="RoundStarted"/>, <see cref="RoundCommitted"/> and <see cref="StudyFinished"/>), so
/// an observer such as the web console follows it without being the study's listener.
/// </summary>
/// <param name="EpsilonBudget">The most ε the study may spend; null for no hard limit.</param>
public sealed record StudyOpened(StudyId Study, int Rounds, int MinAvailableSites, double? EpsilonBudget, DateTimeOffset At) : INoSerializationVerificationNeeded;
