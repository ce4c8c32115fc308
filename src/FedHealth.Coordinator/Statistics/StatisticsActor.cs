using Akka.Actor;
using Akka.Event;
using FedHealth.Coordinator.Rounds;
using FedHealth.Coordinator.SecureSessions;
using FedHealth.Coordinator.Senders;
using FedHealth.Core.Delivery;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Core.Protocol.Statistics;
using FedHealth.Core.Strategy;
using FedHealth.SecureAggregation.Parameters;
using FedHealth.SecureAggregation.Server;

namespace FedHealth.Coordinator.Statistics;

/// <summary>
/// The secure federated statistics stage before round 1, as a short-lived child: every connected
/// site contributes its encoded sufficient statistics to a SecAgg+ sum (same stages, guards and
/// deadlines as a secure training round); the sum — never one site's statistics — goes to every
/// site, which prepares its rows with it and confirms. Replies once to its parent and stops.
/// </summary>
public sealed class StatisticsActor : ReceiveActor, IWithTimers
{
    private const string StageTimer = "stage-timeout";

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly StatisticsPlan _plan;
    private readonly List<SiteFailure> _failures = [];
    private readonly HashSet<SiteId> _awaitingConfirmation = [];
    private readonly List<SiteId> _prepared = [];
    private readonly List<RefusedMessage> _refused = [];
    private IActorRef? _secureSum;
    private int _contributors;
    private PooledStatistics? _pooled;
    private readonly SenderGuard _senders;

    public StatisticsActor(StatisticsPlan plan)
    {
        _plan = plan;
        _senders = new SenderGuard(plan.Sites, _log, $"Statistics session {plan.Session}", Context.System.EventStream);
        Become(Summing);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private IReadOnlyList<SiteId> Sites => [.. _plan.Sites.Keys];

    public static Props Props(StatisticsPlan plan) => Akka.Actor.Props.Create(() => new StatisticsActor(plan));

    protected override void PreStart()
    {
        var options = _plan.Secure.Options;
        if (Sites.Count < SecAggParameterChooser.MinimumSites)
        {
            Finish($"pooling statistics securely needs at least {SecAggParameterChooser.MinimumSites} sites; {Sites.Count} are connected");
            return;
        }

        var choice = SecAggParameterChooser.Choose(Sites.Count, options.ExpectedDropout, options.CorruptFraction);
        var server = new SecAggServer(
            _plan.Study, _plan.Session, Sites, choice.ToParameters(_plan.Options.ModulusBits), _plan.Options.VectorLength, _plan.Secure.EnrolledKeys);
        var instruction = new StatisticsInstruction(_plan.Study, _plan.Session, _plan.Options.VectorLength, _plan.Options.ModulusBits, _plan.Secure.Enrolments);
        var request = new SecureSumRequest(server, _plan.Sites, instruction, ProtocolStage.Statistics, _ => options.StageTimeout)
        {
            Uploads = _plan.Uploads,
            Name = $"Statistics session {_plan.Session}",
        };
        _secureSum = Context.ActorOf(SecureSumActor.Props(request), "secure-sum");
        Context.Watch(_secureSum);
    }

    /// <summary>The sites talk to the session's child; the stage waits for its one answer.</summary>
    private void Summing()
    {
        Receive<SecureSumCompleted>(OnSummed);
        Receive<Terminated>(m => m.ActorRef.Equals(_secureSum), _ => Finish("the secure sum of the statistics failed unexpectedly (see the coordinator log)"));
        ReceiveAny(Ignore);
    }

    private void OnSummed(SecureSumCompleted completed)
    {
        Context.Unwatch(_secureSum);
        _secureSum = null;
        _failures.AddRange(completed.Departures);
        _refused.AddRange(completed.RefusedMessages);
        if (completed.Result is { } result)
        {
            Release(result);
            return;
        }

        Finish($"secure aggregation of the statistics aborted at {completed.Abort!.Stage}: {completed.Abort.Reason}");
    }

    private void Confirming()
    {
        Receive<ISiteMessage>(m => !_senders.Admits(m, Sender), m => _senders.Refuse(m, Sender));
        Receive<StatisticsApplied>(IsCurrent, m =>
        {
            if (_awaitingConfirmation.Remove(m.Site))
            {
                _prepared.Add(m.Site);
            }

            FinishIfConfirmed();
        });
        Receive<StageFailed>(IsCurrent, m =>
        {
            if (_awaitingConfirmation.Remove(m.Site))
            {
                _failures.Add(new SiteFailure(m.Site, nameof(ProtocolStage.Statistics), m.Reason));
            }

            FinishIfConfirmed();
        });
        Receive<Terminated>(m =>
        {
            foreach (var site in _plan.Sites.Where(kv => kv.Value.Equals(m.ActorRef)).Select(kv => kv.Key).ToList())
            {
                if (_awaitingConfirmation.Remove(site))
                {
                    _failures.Add(new SiteFailure(site, nameof(ProtocolStage.Statistics), "node terminated"));
                }
            }

            FinishIfConfirmed();
        });
        Receive<StageTimedOut>(m => m == StageTimedOut.Statistics, _ =>
        {
            foreach (var site in _awaitingConfirmation)
            {
                _failures.Add(new SiteFailure(site, nameof(ProtocolStage.Statistics), "did not confirm the pooled statistics in time"));
            }

            _awaitingConfirmation.Clear();
            FinishIfConfirmed();
        });
        ReceiveAny(Ignore);
    }

    private bool IsCurrent(IRoundMessage message) => message.Study == _plan.Study && message.Round == _plan.Session;

    /// <summary>Every connected site gets the pooled sum (also one that dropped out of the sum: it is the consortium's, not any one site's).</summary>
    private void Release(SecAggRoundResult result)
    {
        _contributors = result.Included.Count;
        var pooled = new PooledStatistics(_plan.Study, _plan.Session, result.Sum, _plan.Options.ModulusBits, _contributors);
        _pooled = pooled;
        foreach (var (site, node) in _plan.Sites)
        {
            _awaitingConfirmation.Add(site);
            Context.Watch(node);
            node.Tell(pooled);
        }

        _log.Info("Statistics: pooled over {Count} sites", _contributors);
        Become(Confirming);
        Timers.StartSingleTimer(StageTimer, StageTimedOut.Statistics, _plan.Secure.Options.StageTimeout);
    }

    private void FinishIfConfirmed()
    {
        if (_awaitingConfirmation.Count == 0)
        {
            Finish(_prepared.Count == 0 ? "no site could prepare its rows with the pooled statistics" : null);
        }
    }

    private void Finish(string? failure)
    {
        Timers.CancelAll();
        if (failure is not null)
        {
            _log.Warning("Statistics: {Reason}", failure);
        }

        Context.Parent.Tell(new StatisticsCompleted(_plan.Session, _contributors, [.. _prepared.Order()], _failures, failure, failure is null ? _pooled : null)
        {
            RefusedMessages = [.. _refused, .. _senders.Refused],
        });
        Context.Stop(Self);
    }

    private void Ignore(object message) => _log.Debug("Statistics: ignored {MessageType}", message.GetType().Name);
}
