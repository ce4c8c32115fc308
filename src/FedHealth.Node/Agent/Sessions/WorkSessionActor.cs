using Akka.Actor;
using Akka.Event;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;

namespace FedHealth.Node.Agent.Sessions;

/// <summary>
/// One plain piece of work for a round (training without secure aggregation, or an evaluation), as
/// a short-lived child of the agent: runs it off the actor thread, hands the reply (or the failure,
/// which names no data) to the agent for the round, and stops.
/// </summary>
internal sealed class WorkSessionActor : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IRoundMessage _instruction;
    private readonly IActorRef _round;
    private readonly SiteId _site;
    private readonly ProtocolStage _stage;

    public WorkSessionActor(IRoundMessage instruction, IActorRef round, SiteId site, ProtocolStage stage, Func<Task<IRoundMessage>> work)
    {
        _instruction = instruction;
        _round = round;
        _site = site;
        _stage = stage;
        Receive<Done>(m => Reply(m.Reply ?? SessionFailure.Of(_instruction, _stage, _site, m.Error!, _log)));
        Task.Run(work).PipeTo(Self, Self, reply => new Done(reply, null), ex => new Done(null, ex));
    }

    public static Props Props(IRoundMessage instruction, IActorRef round, SiteId site, ProtocolStage stage, Func<Task<IRoundMessage>> work) =>
        Akka.Actor.Props.Create(() => new WorkSessionActor(instruction, round, site, stage, work));

    private void Reply(IRoundMessage reply)
    {
        Context.Parent.Tell(new SessionReply(_round, reply));
        Context.Stop(Self);
    }

    /// <summary>The outcome of the work off the actor thread (an exception does not cross the serializer, so it is wrapped).</summary>
    private sealed record Done(IRoundMessage? Reply, Exception? Error) : INoSerializationVerificationNeeded;
}
