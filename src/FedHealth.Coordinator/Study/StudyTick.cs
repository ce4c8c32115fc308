using Akka.Actor;

namespace FedHealth.Coordinator.Study;

/// <summary>The study's own timers. Local only.</summary>
internal sealed record StudyTick(string Name) : INoSerializationVerificationNeeded
{
    public static StudyTick PollRegistry { get; } = new("poll-registry");

    public static StudyTick RegistrationDeadline { get; } = new("registration-deadline");
}
