using Akka.Actor;

namespace FedHealth.Coordinator.Study;

/// <summary>Bridges the study's events to a task and a progress callback.</summary>
public sealed class StudyListener : ReceiveActor
{
    public StudyListener(IActorRef study, TaskCompletionSource<StudyResult> done, IProgress<RoundFinished>? progress, StartStudy? start = null)
    {
        Context.Watch(study);
        Receive<RoundFinished>(m => progress?.Report(m));
        Receive<StudyFinished>(m =>
        {
            done.TrySetResult(m.Result);
            Context.Stop(Self);
        });
        Receive<Status.Failure>(m => done.TrySetException(m.Cause));
        Receive<StudyRefused>(m => done.TrySetException(new Composition.StudyRequestException(m.Reason)));
        // The study stops on its own only when its state cannot be written (a journal failure).
        Receive<Terminated>(_ => done.TrySetException(new InvalidOperationException("the study stopped before it ended: its state could not be read or written (see the log)")));
        study.Tell(start ?? StartStudy.Instance, Self);
    }

    public static Props Props(IActorRef study, TaskCompletionSource<StudyResult> done, IProgress<RoundFinished>? progress, StartStudy? start = null) =>
        Akka.Actor.Props.Create(() => new StudyListener(study, done, progress, start));
}
