using Akka.Actor;
using Akka.Event;
using FedHealth.Core.Data;
using FedHealth.Core.Delivery;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Training;

namespace FedHealth.Node.Agent.Sessions;

/// <summary>One evaluation, as a short-lived child: scores the model on the site's test rows off the actor thread, replies with aggregates only, stops.</summary>
internal sealed class EvaluateSessionActor : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly EvaluateInstruction _instruction;
    private readonly IActorRef _round;
    private readonly SiteId _site;

    public EvaluateSessionActor(EvaluateInstruction instruction, IActorRef round, SiteId site, TabularData test, ILocalTrainer trainer, IModelFetcher? models)
    {
        _instruction = instruction;
        _round = round;
        _site = site;
        Receive<Done>(m => Reply(m.Reply ?? SessionFailure.Of(_instruction, ProtocolStage.Evaluate, _site, m.Error!, _log)));
        Task.Run(async () =>
        {
            var weights = await ModelDelivery.ResolveAsync(instruction.Weights, instruction.WeightsOffer, models).ConfigureAwait(false);
            return new EvaluateReply(instruction.Study, instruction.Round, site, trainer.Evaluate(instruction.Model, weights, test));
        }).PipeTo(Self, Self, reply => new Done(reply, null), ex => new Done(null, ex));
    }

    public static Props Props(EvaluateInstruction instruction, IActorRef round, SiteId site, TabularData test, ILocalTrainer trainer, IModelFetcher? models) =>
        Akka.Actor.Props.Create(() => new EvaluateSessionActor(instruction, round, site, test, trainer, models));

    private void Reply(IRoundMessage reply)
    {
        Context.Parent.Tell(new SessionReply(_round, reply));
        Context.Stop(Self);
    }

    /// <summary>The outcome of the work off the actor thread (an exception does not cross the serializer, so it is wrapped).</summary>
    private sealed record Done(IRoundMessage? Reply, Exception? Error) : INoSerializationVerificationNeeded;
}
