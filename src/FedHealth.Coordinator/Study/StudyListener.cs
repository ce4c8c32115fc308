using Akka.Actor;

namespace FedHealth.Coordinator.Study;

/// <summary>Bridges the study's events to a task and a progress callback.</summary>
public sealed class StudyListener : ReceiveActor
{
    public StudyListener(IActorRef study, TaskCompletionSource<StudyResult> done, IProgress<RoundFinished>? progress)
    {
        Receive<RoundFinished>(m => progress?.Report(m));
        Receive<StudyFinished>(m =>
        {
            done.TrySetResult(m.Result);
            Context.Stop(Self);
        });
        Receive<Status.Failure>(m => done.TrySetException(m.Cause));
        study.Tell(StartStudy.Instance, Self);
    }

    public static Props Props(IActorRef study, TaskCompletionSource<StudyResult> done, IProgress<RoundFinished>? progress) =>
        Akka.Actor.Props.Create(() => new StudyListener(study, done, progress));
}
