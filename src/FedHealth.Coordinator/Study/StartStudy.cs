using Akka.Actor;

namespace FedHealth.Coordinator.Study;

/// <summary>Starts (or resumes) the study; the sender receives <see cref="RoundFinished"/> events and one <see cref="StudyFinished"/>, or a <see cref="Status.Failure"/> when it cannot start.</summary>
public sealed record StartStudy : INoSerializationVerificationNeeded
{
    public static StartStudy Instance { get; } = new();

    /// <summary>
    /// Set when the host's output already holds a run: then the study runs only if it resumes an
    /// unfinished study from the state, and a fresh start (or a study that already ended) is refused
    /// with this reason. Unset, a study that already ended only reports its result again.
    /// </summary>
    public string? RefuseFreshStart { get; init; }
}
