using Akka.Actor;
using FedHealth.Coordinator.Study;

namespace FedHealth.WebConsole.Studies;

/// <summary>Subscribes to the study events on the EventStream and writes them to the <see cref="StudyBoard"/>.</summary>
public sealed class StudyBoardActor : ReceiveActor
{
    public StudyBoardActor(StudyBoard board)
    {
        Receive<StudyOpened>(board.Apply);
        Receive<RoundStarted>(board.Apply);
        Receive<RoundCommitted>(board.Apply);
        Receive<StudyFinished>(board.Apply);
    }

    public static Props Props(StudyBoard board) => Akka.Actor.Props.Create(() => new StudyBoardActor(board));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);
}
