using System.Diagnostics;
using Akka.Actor;
using Akka.Event;
using FedHealth.Coordinator.SecureSessions;
using FedHealth.Coordinator.Senders;
using FedHealth.Core.Delivery;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Strategy;
using FedHealth.Core.Weights;
using FedHealth.SecureAggregation.Parameters;

namespace FedHealth.Coordinator.Rounds;

/// <summary>
/// One round as a short-lived child (Akka's DeviceGroupQuery pattern): sends the global model to
/// the sampled sites, watches them, turns timeouts and terminations into failures, aggregates,
/// runs federated evaluation, replies once to its parent and stops.
/// </summary>
public sealed partial class RoundActor : ReceiveActor, IWithTimers
{
    private const string StageTimer = "stage-timeout";

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly RoundPlan _plan;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<FitResult> _fitResults = [];
    private readonly List<EvaluateResult> _evaluateResults = [];
    private readonly List<SiteFailure> _failures = [];
    private readonly HashSet<SiteId> _pending = [];
    private readonly HashSet<SiteId> _terminated = [];
    private IReadOnlyList<SiteId> _sampled = [];
    private double _slowestTrainMs;
    private double _totalTrainMs;
    private AggregateFitOutcome? _aggregate;
    private readonly SenderGuard _senders;

    public RoundActor(RoundPlan plan)
    {
        _plan = plan;
        _senders = new SenderGuard(plan.Sites, _log, $"Round {plan.Context.Round}");
        Become(Fitting);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private int Round => _plan.Context.Round;

    private StudyId Study => _plan.Context.Study;

    public static Props Props(RoundPlan plan) => Akka.Actor.Props.Create(() => new RoundActor(plan));

    protected override void PreStart()
    {
        var fitPlan = _plan.Strategy.ConfigureFit(_plan.Context, _plan.Global);
        _sampled = fitPlan.Sites.Where(_plan.Sites.ContainsKey).ToList();
        foreach (var missing in fitPlan.Sites.Where(s => !_plan.Sites.ContainsKey(s)))
        {
            _failures.Add(new SiteFailure(missing, nameof(ProtocolStage.Fit), "not connected"));
        }

        if (_sampled.Count < _plan.MinFitSites)
        {
            Abort($"only {_sampled.Count} sites are available for training; the round needs {_plan.MinFitSites}");
            return;
        }

        if (_plan.Secure is not null)
        {
            if (_sampled.Count < SecAggParameterChooser.MinimumSites)
            {
                // Never fall back to plain updates: with fewer than three sites the sum would reveal them.
                Abort($"secure aggregation needs at least {SecAggParameterChooser.MinimumSites} sites and only {_sampled.Count} are available");
                return;
            }

            StartSecureFit(fitPlan);
            return;
        }

        var (weights, offer) = ModelDelivery.Prepare(_plan.Global, _plan.Models);
        var instruction = new FitInstruction(Study, Round, _plan.Model, weights, fitPlan.Config, WeightsOffer: offer);
        foreach (var site in _sampled)
        {
            var node = _plan.Sites[site];
            Context.Watch(node);
            _pending.Add(site);
            node.Tell(instruction);
        }

        Timers.StartSingleTimer(StageTimer, StageTimedOut.Fit, _plan.FitTimeout);
        _log.Debug("Round {Round}: sent the model to {Count} sites", Round, _sampled.Count);
    }

    private void Fitting()
    {
        RefuseImpersonation();
        Receive<FitReply>(OnFitReply);
        Receive<StageFailed>(m => m.Stage == ProtocolStage.Fit && IsCurrent(m), m => Fail(m.Site, m.Stage, m.Reason));
        Receive<Terminated>(m => FailTerminated(m, ProtocolStage.Fit));
        Receive<StageTimedOut>(m => m == StageTimedOut.Fit, _ => TimeOutPending(ProtocolStage.Fit, _plan.FitTimeout));
        Receive<UploadOffer>(OnUploadOffer);
        Receive<UploadFailed>(OnUploadFailed);
        ReceiveAny(Ignore);
    }

    private void Evaluating()
    {
        RefuseImpersonation();
        Receive<EvaluateReply>(OnEvaluateReply);
        Receive<StageFailed>(m => m.Stage == ProtocolStage.Evaluate && IsCurrent(m), m => Fail(m.Site, m.Stage, m.Reason));
        Receive<Terminated>(m => FailTerminated(m, ProtocolStage.Evaluate));
        Receive<StageTimedOut>(m => m == StageTimedOut.Evaluate, _ => TimeOutPending(ProtocolStage.Evaluate, _plan.EvaluateTimeout));
        ReceiveAny(Ignore);
    }

    /// <summary>First in every stage: a site message from any actor but the one registered for the site it names never reaches the round's state.</summary>
    private void RefuseImpersonation() =>
        Receive<ISiteMessage>(m => !_senders.Admits(m, Sender), m => _senders.Refuse(m, Sender));

    private void OnFitReply(FitReply reply)
    {
        if (!IsCurrent(reply) || !_pending.Contains(reply.Site))
        {
            Ignore(reply);
            return;
        }

        var problem = UpdateProblem(reply);
        if (problem is not null)
        {
            Fail(reply.Site, ProtocolStage.Fit, problem);
            return;
        }

        _slowestTrainMs = Math.Max(_slowestTrainMs, reply.TrainMilliseconds);
        _totalTrainMs += reply.TrainMilliseconds;
        _fitResults.Add(new FitResult(reply.Site, reply.Weights, reply.NumExamples, reply.TrainLoss));
        Settle(reply.Site);
    }

    private void OnEvaluateReply(EvaluateReply reply)
    {
        if (!IsCurrent(reply) || !_pending.Contains(reply.Site))
        {
            Ignore(reply);
            return;
        }

        _evaluateResults.Add(new EvaluateResult(reply.Site, reply.Outcome));
        Settle(reply.Site);
    }

    private string? UpdateProblem(FitReply reply)
    {
        if (!_plan.Global.HasSameLayout(reply.Weights))
        {
            return $"returned weights of layout {reply.Weights}, expected {_plan.Global}";
        }

        if (reply.NumExamples <= 0)
        {
            return $"reported {reply.NumExamples} training examples";
        }

        foreach (var value in reply.Weights.Flat)
        {
            if (!float.IsFinite(value))
            {
                return "returned weights that are not finite";
            }
        }

        return null;
    }

    private bool IsCurrent(IRoundMessage message) => message.Study == Study && message.Round == Round;

    private void Fail(SiteId site, ProtocolStage stage, string reason)
    {
        if (!_pending.Contains(site))
        {
            return;
        }

        _log.Warning("Round {Round}: site {Site} failed at {Stage}: {Reason}", Round, site, stage, reason);
        _failures.Add(new SiteFailure(site, stage.ToString(), reason));
        Settle(site);
    }

    private void FailTerminated(Terminated message, ProtocolStage stage)
    {
        foreach (var site in _pending.Where(s => _plan.Sites[s].Equals(message.ActorRef)).ToList())
        {
            _terminated.Add(site);
            Fail(site, stage, "node terminated");
        }
    }

    private void TimeOutPending(ProtocolStage stage, TimeSpan timeout)
    {
        foreach (var site in _pending.ToList())
        {
            Fail(site, stage, $"timed out after {timeout.TotalSeconds:0.###} s");
        }
    }

    private void Settle(SiteId site)
    {
        _pending.Remove(site);
        if (_pending.Count > 0)
        {
            return;
        }

        Timers.Cancel(StageTimer);
        if (_aggregate is null)
        {
            FinishFitting();
        }
        else
        {
            FinishEvaluating();
        }
    }

    private void FinishFitting()
    {
        if (_fitResults.Count < _plan.MinFitSites)
        {
            Abort($"only {_fitResults.Count} of {_sampled.Count} sites returned an update; the round needs {_plan.MinFitSites}");
            return;
        }

        StartEvaluation(_plan.Strategy.AggregateFit(_plan.Context, _plan.Global, _fitResults, _failures));
    }

    private void StartEvaluation(AggregateFitOutcome aggregate)
    {
        _aggregate = aggregate;
        var alive = _plan.Context with { AvailableSites = _plan.Sites.Keys.Where(IsAlive).ToList() };
        var evaluatePlan = _plan.Strategy.ConfigureEvaluate(alive, _aggregate.Weights);
        var sites = evaluatePlan.Sites.Where(_plan.Sites.ContainsKey).ToList();
        Become(Evaluating);
        if (sites.Count == 0)
        {
            FinishEvaluating();
            return;
        }

        var (weights, offer) = ModelDelivery.Prepare(_aggregate.Weights, _plan.Models);
        var instruction = new EvaluateInstruction(Study, Round, _plan.Model, weights, offer);
        foreach (var site in sites)
        {
            Context.Watch(_plan.Sites[site]);
            _pending.Add(site);
            _plan.Sites[site].Tell(instruction);
        }

        Timers.StartSingleTimer(StageTimer, StageTimedOut.Evaluate, _plan.EvaluateTimeout);
    }

    private bool IsAlive(SiteId site) => !_terminated.Contains(site);

    private void FinishEvaluating()
    {
        var aggregate = _aggregate!;
        var evaluation = _evaluateResults.Count >= _plan.MinEvaluateSites
            ? _plan.Strategy.AggregateEvaluate(_plan.Context, _evaluateResults, _failures)
            : null;
        Complete(aggregate.Weights, aggregate.Updated, null, aggregate.TrainLoss, evaluation);
    }

    private void Abort(string reason)
    {
        _log.Warning("Round {Round} aborted: {Reason}", Round, reason);
        Complete(_plan.Global, false, reason, double.NaN, null);
    }

    private void Complete(ModelWeights global, bool updated, string? abortReason, double trainLoss, AggregateEvaluateOutcome? evaluation)
    {
        var record = new RoundRecord(
            Round,
            _sampled,
            (_secureIncluded ?? _fitResults.Select(r => r.Site)).OrderBy(s => s).ToList(),
            _failures,
            updated,
            abortReason,
            trainLoss,
            evaluation,
            _clock.Elapsed.TotalMilliseconds,
            _slowestTrainMs,
            _totalTrainMs,
            global.ContentHash())
        {
            SecureAggregation = _session is not null,
            Dropouts = _dropouts,
            DistributedNoise = updated ? _distributedNoise : null,
            RefusedMessages = _senders.Refused,
        };
        Context.Parent.Tell(new RoundCompleted(record, global));
        Context.Stop(Self);
    }

    /// <summary>
    /// A site's reply is too large for a message: expect its upload on the transfer channel, tell the
    /// site where, and handle the verified message as if it had come inline from that site.
    /// </summary>
    private void OnUploadOffer(UploadOffer offer)
    {
        if (!IsCurrent(offer) || _plan.Uploads is not { } uploads)
        {
            Ignore(offer);
            return;
        }

        UploadRelay.Accept(uploads, offer, Sender, Self);
    }

    private void OnUploadFailed(UploadFailed failed) =>
        _log.Warning("Round {Round}: the upload from site {Site} failed: {Reason}", Round, failed.Site, failed.Reason);

    private void Ignore(object message) =>
        _log.Debug("Round {Round}: ignored {MessageType}", Round, message.GetType().Name);
}
