using System.Collections.Immutable;
using System.Diagnostics;
using Akka.Actor;
using Akka.Event;
using FedHealth.Coordinator.Rounds.Gathering;
using FedHealth.Coordinator.Senders;
using FedHealth.Core.Delivery;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Strategy;
using FedHealth.Core.Weights;
using FedHealth.SecureAggregation.Parameters;

namespace FedHealth.Coordinator.Rounds;

/// <summary>
/// One round as a short-lived child of the study: asks the strategy whom to train, runs the fit
/// stage in a child (a <see cref="GatherActor"/> for plain updates, a secure-sum session under
/// secure aggregation), aggregates, runs federated evaluation in another <see cref="GatherActor"/>,
/// replies once to its parent and stops. Each stage child watches the sites, owns its deadline and
/// accepts a site's messages only from the actor registered for that site.
/// </summary>
public sealed partial class RoundActor : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly RoundPlan _plan;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<SiteFailure> _failures = [];
    private readonly HashSet<SiteId> _terminated = [];
    private readonly List<RefusedMessage> _refused = [];
    private IReadOnlyList<SiteId> _sampled = [];
    private IReadOnlyList<SiteId>? _included;
    private IActorRef? _stage;
    private double _slowestTrainMs;
    private double _totalTrainMs;
    private AggregateFitOutcome? _aggregate;
    private Action? _afterCharge;

    public RoundActor(RoundPlan plan)
    {
        _plan = plan;
        Become(Fitting);
    }

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
        StartStage(new GatherRequest(SitesOf(_sampled), instruction, typeof(FitReply), ProtocolStage.Fit, _plan.FitTimeout, UpdateProblem)
        {
            Uploads = _plan.Uploads,
            Name = $"Round {Round}",
        }, "fit");
        _log.Debug("Round {Round}: sent the model to {Count} sites", Round, _sampled.Count);
    }

    private void Fitting()
    {
        Receive<GatherCompleted>(OnFitGathered);
        ReceiveStageCrash();
    }

    private void Evaluating()
    {
        Receive<GatherCompleted>(OnEvaluationGathered);
        ReceiveStageCrash();
    }

    private void ReceiveStageCrash()
    {
        Receive<Terminated>(m => m.ActorRef.Equals(_stage), _ => Abort("a stage of the round failed unexpectedly (see the coordinator log)"));
        ReceiveAny(Ignore);
    }

    private void StartStage(GatherRequest request, string name)
    {
        _stage = Context.ActorOf(GatherActor.Props(request), name);
        Context.Watch(_stage);
    }

    /// <summary>A stage child answered: take its failures, terminations and refusals into the round.</summary>
    private void Take(GatherCompleted completed)
    {
        Context.Unwatch(_stage);
        _stage = null;
        _failures.AddRange(completed.Failures);
        _terminated.UnionWith(completed.Terminated);
        _refused.AddRange(completed.RefusedMessages);
    }

    private void OnFitGathered(GatherCompleted completed)
    {
        Take(completed);
        var replies = completed.Replies.Cast<FitReply>().ToList();
        _included = replies.Select(r => r.Site).ToList();
        foreach (var reply in replies)
        {
            _slowestTrainMs = Math.Max(_slowestTrainMs, reply.TrainMilliseconds);
            _totalTrainMs += reply.TrainMilliseconds;
        }

        if (replies.Count < _plan.MinFitSites)
        {
            Abort($"only {replies.Count} of {_sampled.Count} sites returned an update; the round needs {_plan.MinFitSites}");
            return;
        }

        var results = replies.Select(r => new FitResult(r.Site, r.Weights, r.NumExamples, r.TrainLoss)).ToList();
        if (_plan.ChargeBeforeRelease)
        {
            Become(Charging);
        }

        ChargeThen(_included, null, () => StartEvaluation(_plan.Strategy.AggregateFit(_plan.Context, _plan.Global, results, _failures)));
    }

    private void Charging()
    {
        Receive<RoundChargeRecorded>(OnChargeRecorded);
        ReceiveStageCrash();
    }

    /// <summary>Runs <paramref name="release"/> once the study has persisted the cost of these contributors (at once when the study charges nothing).</summary>
    private void ChargeThen(IReadOnlyList<SiteId> contributors, Privacy.DistributedNoiseUsed? noise, Action release)
    {
        if (!_plan.ChargeBeforeRelease)
        {
            release();
            return;
        }

        _afterCharge = release;
        Context.Parent.Tell(new ChargeRound(Round, contributors, noise));
    }

    private void OnChargeRecorded(RoundChargeRecorded recorded)
    {
        if (recorded.Round != Round || _afterCharge is not { } release)
        {
            return;
        }

        _afterCharge = null;
        release();
    }

    private string? UpdateProblem(ISiteMessage message)
    {
        var reply = (FitReply)message;
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

    private void StartEvaluation(AggregateFitOutcome aggregate)
    {
        _aggregate = aggregate;
        var alive = _plan.Context with { AvailableSites = _plan.Sites.Keys.Where(s => !_terminated.Contains(s)).ToList() };
        var evaluatePlan = _plan.Strategy.ConfigureEvaluate(alive, _aggregate.Weights);
        var sites = evaluatePlan.Sites.Where(_plan.Sites.ContainsKey).ToList();
        Become(Evaluating);
        if (sites.Count == 0)
        {
            FinishEvaluating([]);
            return;
        }

        var (weights, offer) = ModelDelivery.Prepare(_aggregate.Weights, _plan.Models);
        var instruction = new EvaluateInstruction(Study, Round, _plan.Model, weights, offer, _plan.Importance);
        StartStage(new GatherRequest(SitesOf(sites), instruction, typeof(EvaluateReply), ProtocolStage.Evaluate, _plan.EvaluateTimeout, EvaluationProblem)
        {
            Name = $"Round {Round} evaluation",
        }, "evaluate");
    }

    /// <summary>An evaluation must fit the pooled metrics it joins: counts that are counts, and a histogram of the expected shape.</summary>
    private string? EvaluationProblem(ISiteMessage message)
    {
        var inputs = _plan.Model.InputFeatures;
        var outcome = ((EvaluateReply)message).Outcome;
        if (outcome?.Histogram is not { } histogram)
        {
            return "returned no evaluation";
        }

        if (outcome.NumExamples < 0 || histogram.Bins != Core.Metrics.ScoreHistogram.DefaultBins || histogram.Negatives.Count != histogram.Bins
            || histogram.Positives.Any(c => c < 0) || histogram.Negatives.Any(c => c < 0))
        {
            return $"returned an evaluation that does not fit the pooled metrics (a histogram of {histogram.Bins} bins, {outcome.NumExamples} examples)";
        }

        if (outcome.LossIncreases is { } increases && (increases.Count != inputs || increases.Any(v => !double.IsFinite(v))))
        {
            return $"returned permutation importance that does not fit the model's {inputs} inputs (or is not finite)";
        }

        return null;
    }

    private void OnEvaluationGathered(GatherCompleted completed)
    {
        Take(completed);
        FinishEvaluating(completed.Replies.Cast<EvaluateReply>().Select(r => new EvaluateResult(r.Site, r.Outcome)).ToList());
    }

    private void FinishEvaluating(IReadOnlyList<EvaluateResult> results)
    {
        var aggregate = _aggregate!;
        var evaluation = results.Count >= _plan.MinEvaluateSites
            ? _plan.Strategy.AggregateEvaluate(_plan.Context, results, _failures)
            : null;
        Complete(aggregate.Weights, aggregate.Updated, null, aggregate.TrainLoss, evaluation);
    }

    private ImmutableSortedDictionary<SiteId, IActorRef> SitesOf(IEnumerable<SiteId> sites) =>
        sites.ToImmutableSortedDictionary(site => site, site => _plan.Sites[site]);

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
            (_included ?? []).OrderBy(s => s).ToList(),
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
            SecureAggregation = _codec is not null,
            Dropouts = _dropouts,
            DistributedNoise = updated ? _distributedNoise : null,
            RefusedMessages = _refused,
        };
        Context.Parent.Tell(new RoundCompleted(record, global));
        Context.Stop(Self);
    }

    private void Ignore(object message) =>
        _log.Debug("Round {Round}: ignored {MessageType}", Round, message.GetType().Name);
}
