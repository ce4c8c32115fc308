using Akka.Actor;

namespace FedHealth.Coordinator.Study;

/// <summary>Starts (or resumes) the study; the sender receives <see cref="RoundFinished"/> events and one <see cref="StudyFinished"/>, or a <see cref="Status.Failure"/> when it cannot start.</summary>
public sealed record StartStudy : INoSerializationVerificationNeeded
{
    public static StartStudy Instance { get; } = new();

    /// <summary>
    /// When set, the study runs only if it resumes from the state; a fresh start is refused with this
    /// reason (the host's output already holds a finished run).
    /// </summary>
    public string? RefuseFreshStart { get; init; }
}
