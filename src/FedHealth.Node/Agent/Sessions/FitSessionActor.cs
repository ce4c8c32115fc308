using System.Diagnostics;
using Akka.Actor;
using Akka.Event;
using FedHealth.Core.Data;
using FedHealth.Core.Delivery;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Training;

namespace FedHealth.Node.Agent.Sessions;

/// <summary>
/// One plain training round (secure aggregation off), as a short-lived child of the agent: trains
/// off the actor thread, hands the update (or the failure) to the agent for the round, and stops.
/// </summary>
internal sealed class FitSessionActor : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly FitInstruction _instruction;
    private readonly IActorRef _round;
    private readonly SiteId _site;

    public FitSessionActor(FitInstruction instruction, IActorRef round, SiteId site, TabularData train, ILocalTrainer trainer, IModelFetcher? models)
    {
        _instruction = instruction;
        _round = round;
        _site = site;
        Receive<Done>(m => Reply(m.Reply ?? SessionFailure.Of(_instruction, ProtocolStage.Fit, _site, m.Error!, _log)));
        var config = instruction.Config with { Seed = SiteSeeds.For(instruction.Config.Seed, site) };
        Task.Run(async () =>
        {
            var weights = await ModelDelivery.ResolveAsync(instruction.Weights, instruction.WeightsOffer, models).ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            var outcome = trainer.Fit(instruction.Model, weights, train, config);
            return new FitReply(instruction.Study, instruction.Round, site, outcome.Weights, outcome.NumExamples, outcome.TrainLoss, clock.Elapsed.TotalMilliseconds);
        }).PipeTo(Self, Self, reply => new Done(reply, null), ex => new Done(null, ex));
    }

    public static Props Props(FitInstruction instruction, IActorRef round, SiteId site, TabularData train, ILocalTrainer trainer, IModelFetcher? models) =>
        Akka.Actor.Props.Create(() => new FitSessionActor(instruction, round, site, train, trainer, models));

    private void Reply(IRoundMessage reply)
    {
        Context.Parent.Tell(new SessionReply(_round, reply));
        Context.Stop(Self);
    }

    /// <summary>The outcome of the work off the actor thread (an exception does not cross the serializer, so it is wrapped).</summary>
    private sealed record Done(IRoundMessage? Reply, Exception? Error) : INoSerializationVerificationNeeded;
}
