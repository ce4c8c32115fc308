using Akka.Actor;
using FedHealth.Core.Ids;

namespace FedHealth.Coordinator.Study;

/// <summary>Published on the EventStream when a round starts (see <see cref="StudyOpened"/>); the connected sites are ids only.</summary>
public sealed record RoundStarted(StudyId Study, int Round, int Rounds, IReadOnlyList<SiteId> ConnectedSites, DateTimeOffset At) : INoSerializationVerificationNeeded;
