using Akka.Actor;
using FedHealth.Coordinator.Rounds;
using FedHealth.Core.Ids;

namespace FedHealth.Coordinator.Study;

/// <summary>Published on the EventStream once a round is committed or aborted (see <see cref="StudyOpened"/>): the same record the study's listener gets, with the study's id.</summary>
public sealed record RoundCommitted(StudyId Study, RoundRecord Record, int Rounds, DateTimeOffset At) : INoSerializationVerificationNeeded;
