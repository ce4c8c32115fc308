using System.Diagnostics;
using Akka.Actor;
using Akka.Event;
using FedHealth.Core.Data;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Training;

namespace FedHealth.Node.Agent;

/// <summary>
/// A hospital's agent: registers with the coordinator, trains and evaluates on its own rows when
/// asked, and answers only with weights and aggregate metrics — never a row.
/// Training runs off the actor thread so the agent stays responsive; the reply goes straight to
/// the round that asked.
/// </summary>
public sealed class NodeAgentActor : ReceiveActor, IWithTimers
{
    private const string RegisterTimer = "register";
    private static readonly TimeSpan RegisterRetry = TimeSpan.FromSeconds(1);

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly SiteData _data;
    private readonly ILocalTrainer _trainer;
    private readonly ActorSelection _registry;

    public NodeAgentActor(SiteData data, ILocalTrainer trainer, ActorSelection registry)
    {
        _data = data;
        _trainer = trainer;
        _registry = registry;
        Receive<SiteRegistered>(_ => OnRegistered());
        Receive<RetryRegistration>(_ => Register());
        Receive<FitInstruction>(Fit);
        Receive<EvaluateInstruction>(Evaluate);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private SiteId Site => _data.Site;

    public static Props Props(SiteData data, ILocalTrainer trainer, ActorSelection registry) =>
        Akka.Actor.Props.Create(() => new NodeAgentActor(data, trainer, registry));

    protected override void PreStart()
    {
        Register();
        Timers.StartPeriodicTimer(RegisterTimer, RetryRegistration.Instance, RegisterRetry);
    }

    private void Register() => _registry.Tell(new RegisterSite(Site), Self);

    private void OnRegistered()
    {
        Timers.Cancel(RegisterTimer);
        _log.Info("Site {Site} registered with the coordinator", Site);
    }

    private void Fit(FitInstruction instruction)
    {
        var site = Site;
        var data = _data.Train;
        var trainer = _trainer;
        var config = instruction.Config with { Seed = SiteSeed(instruction.Config.Seed, site) };
        Task.Run(() =>
        {
            var clock = Stopwatch.StartNew();
            var outcome = trainer.Fit(instruction.Model, instruction.Weights, data, config);
            return new FitReply(instruction.Study, instruction.Round, site, outcome.Weights,
                outcome.NumExamples, outcome.TrainLoss, clock.Elapsed.TotalMilliseconds);
        }).PipeTo(Sender, Self, reply => reply, ex => Failure(instruction, ProtocolStage.Fit, ex));
    }

    private void Evaluate(EvaluateInstruction instruction)
    {
        var site = Site;
        var data = _data.Test;
        var trainer = _trainer;
        Task.Run(() => new EvaluateReply(
                instruction.Study, instruction.Round, site, trainer.Evaluate(instruction.Model, instruction.Weights, data)))
            .PipeTo(Sender, Self, reply => reply, ex => Failure(instruction, ProtocolStage.Evaluate, ex));
    }

    private StageFailed Failure(IRoundMessage instruction, ProtocolStage stage, Exception exception)
    {
        var cause = exception is AggregateException { InnerException: { } inner } ? inner : exception;
        _log.Error(cause, "Site {Site}: {Stage} of round {Round} failed", Site, stage, instruction.Round);

        // The reason crosses to the coordinator: name the kind of failure, never data values.
        return new StageFailed(instruction.Study, instruction.Round, stage, Site, $"{stage} failed on the site ({cause.GetType().Name})");
    }

    /// <summary>Each site shuffles differently but reproducibly in every round.</summary>
    private static long SiteSeed(long roundSeed, SiteId site)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in site.Value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked(roundSeed ^ (long)hash);
    }

    private sealed record RetryRegistration : INoSerializationVerificationNeeded
    {
        public static RetryRegistration Instance { get; } = new();
    }
}
