using Akka.Actor;

namespace FedHealth.Coordinator.Study;

public sealed record StudyFinished(StudyResult Result) : INoSerializationVerificationNeeded;
