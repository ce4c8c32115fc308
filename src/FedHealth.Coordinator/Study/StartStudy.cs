using Akka.Actor;

namespace FedHealth.Coordinator.Study;

/// <summary>Starts the study; the sender receives <see cref="RoundFinished"/> events and one <see cref="StudyFinished"/>.</summary>
public sealed record StartStudy : INoSerializationVerificationNeeded
{
    public static StartStudy Instance { get; } = new();
}
