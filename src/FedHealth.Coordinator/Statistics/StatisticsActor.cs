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
    private SecureSumSession? _session;
    private int _contributors;
    private PooledStatistics? _pooled;
    private readonly SenderGuard _senders;

    public StatisticsActor(StatisticsPlan plan)
    {
        _plan = plan;
        _senders = new SenderGuard(plan.Sites, _log, $"Statistics session {plan.Session}");
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
        _session = new SecureSumSession(server, _plan.Sites, Timers, _log, StageTimedOut.Statistics, _ => options.StageTimeout, Release,
            abort => Finish($"secure aggregation of the statistics aborted at {abort.Stage}: {abort.Reason}"));
        var instruction = new StatisticsInstruction(_plan.Study, _plan.Session, _plan.Options.VectorLength, _plan.Options.ModulusBits, _plan.Secure.Enrolments);
        foreach (var site in _plan.Sites.Values)
        {
            Context.Watch(site);
            site.Tell(instruction);
        }

        _session.Start();
    }

    private void Summing()
    {
        Receive<ISiteMessage>(m => !_senders.Admits(m, Sender), m => _senders.Refuse(m, Sender));
        Receive<SecAggAdvertiseKeys>(OnProtocolMessage);
        Receive<SecAggShareKeys>(OnProtocolMessage);
        Receive<SecAggMaskedInput>(OnProtocolMessage);
        Receive<SecAggSurvivorsSignature>(OnProtocolMessage);
        Receive<SecAggUnmaskShares>(OnProtocolMessage);
        Receive<SecAggSiteAborted>(OnProtocolMessage);
        Receive<StageFailed>(IsCurrent, m => Gone(m.Site, m.Reason));
        Receive<Terminated>(m =>
        {
            foreach (var site in _plan.Sites.Where(kv => kv.Value.Equals(m.ActorRef)).Select(kv => kv.Key).ToList())
            {
                Gone(site, "node terminated");
            }
        });
        Receive<StageTimedOut>(m => m == StageTimedOut.Statistics, _ => _session!.TimedOut());
        Receive<UploadOffer>(m => IsCurrent(m) && _plan.Uploads is not null, m => UploadRelay.Accept(_plan.Uploads!, m, Sender, Self));
        Receive<UploadFailed>(m => _log.Warning("Statistics: the upload from site {Site} failed: {Reason}", m.Site, m.Reason));
        ReceiveAny(Ignore);
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

    private void OnProtocolMessage(IRoundMessage message)
    {
        if (!IsCurrent(message))
        {
            Ignore(message);
            return;
        }

        _session!.Receive(message);
    }

    private void Gone(SiteId site, string reason)
    {
        _session!.Gone(site, () =>
        {
            _log.Warning("Statistics: site {Site} left the secure sum: {Reason}", site, reason);
            _failures.Add(new SiteFailure(site, nameof(ProtocolStage.Statistics), reason));
        });
    }

    /// <summary>Every connected site gets the pooled sum (also one that dropped out of the sum: it is the consortium's, not any one site's).</summary>
    private void Release(SecAggRoundResult result)
    {
        _contributors = result.Included.Count;
        var pooled = new PooledStatistics(_plan.Study, _plan.Session, result.Sum, _plan.Options.ModulusBits, _contributors);
        _pooled = pooled;
        foreach (var (site, node) in _plan.Sites)
        {
            _awaitingConfirmation.Add(site);
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
            RefusedMessages = _senders.Refused,
        });
        Context.Stop(Self);
    }

    private void Ignore(object message) => _log.Debug("Statistics: ignored {MessageType}", message.GetType().Name);
}
