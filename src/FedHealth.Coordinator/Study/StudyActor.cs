using Akka.Actor;
using Akka.Event;
using FedHealth.Coordinator.Privacy;
using FedHealth.Coordinator.Registry;
using FedHealth.Coordinator.Rounds;
using FedHealth.Coordinator.Statistics;
using FedHealth.Coordinator.Telemetry;
using FedHealth.Core.Delivery;
using FedHealth.Core.Options;
using FedHealth.Core.Protocol.Statistics;
using FedHealth.Core.Strategy;
using FedHealth.Core.Weights;

namespace FedHealth.Coordinator.Study;

/// <summary>
/// Runs a study: waits for enough sites, then runs its rounds one after another, each as a
/// short-lived <see cref="RoundActor"/> child, and reports every round and the end to whoever
/// started it.
/// </summary>
public sealed class StudyActor : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly StudyOptions _options;
    private readonly IStrategy _strategy;
    private readonly IActorRef _registry;
    private readonly StudyPrivacyAccountant? _privacy;
    private readonly SecureRoundSettings? _secure;
    private readonly StudyProgress _progress;
    private IActorRef _listener = ActorRefs.Nobody;
    private IActorRef? _currentRound;
    private RoundMetricsRecorder? _metrics;
    private readonly System.Diagnostics.Stopwatch _rejoinClock = new();
    private StatisticsSummary? _statistics;
    private readonly PooledStatisticsRelease _pooled;

    private readonly RoundTransfer? _transfer;

    public StudyActor(
        StudyOptions options, IStrategy strategy, IActorRef registry, ModelWeights initial, StudyPrivacyAccountant? privacy, SecureRoundSettings? secure, RoundTransfer? transfer)
    {
        _transfer = transfer;
        _privacy = privacy;
        _secure = secure;
        _options = options;
        _strategy = strategy;
        _registry = registry;
        _progress = new StudyProgress(options.Study, initial, privacy);
        _pooled = new PooledStatisticsRelease(options.Study, _log);
        Receive<StartStudy>(_ => Start());
    }

    public ITimerScheduler Timers { get; set; } = null!;


    /// <param name="privacy">Enforces the privacy budget and keeps the ledger; null when the study has no DP.</param>
    /// <param name="secure">Secure aggregation for rounds with enough sites; null for plain rounds.</param>
    /// <param name="transfer">The transfer channel for large models and replies; null sends everything inside messages.</param>
    public static Props Props(
        StudyOptions options, IStrategy strategy, IActorRef registry, ModelWeights initial, StudyPrivacyAccountant? privacy = null, SecureRoundSettings? secure = null,
        RoundTransfer? transfer = null) =>
        Akka.Actor.Props.Create(() => new StudyActor(options, strategy, registry, initial, privacy, secure, transfer));

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(ex =>
        {
            _log.Error(ex, "Round {Round} crashed", _progress.Round);
            return Directive.Stop;
        });

    private void Start()
    {
        _listener = Sender;
        var errors = _options.Validate();
        if (errors.Count > 0)
        {
            Finish(StudyStatus.Failed, "invalid study options: " + string.Join(" ", errors));
            return;
        }

        _log.Info("Study {Study}: waiting for {Sites} sites", _options.Study, _options.MinAvailableSites);
        Timers.StartPeriodicTimer(StudyTick.PollRegistry.Name, StudyTick.PollRegistry, TimeSpan.Zero, PollInterval);
        Timers.StartSingleTimer(StudyTick.RegistrationDeadline.Name, StudyTick.RegistrationDeadline, _options.RegistrationTimeout);
        Become(WaitingForSites);
    }

    private void WaitingForSites()
    {
        Receive<StudyTick>(t => t == StudyTick.PollRegistry, _ => _registry.Tell(GetRegisteredSites.Instance));
        Receive<RegisteredSites>(m => m.Sites.Count >= _options.MinAvailableSites, StartFirstRound);
        Receive<RegisteredSites>(_ => { });
        Receive<StudyTick>(t => t == StudyTick.RegistrationDeadline, _ => Finish(
            StudyStatus.Failed,
            $"fewer than {_options.MinAvailableSites} sites registered within {_options.RegistrationTimeout.TotalSeconds:0.#} s"));
    }

    private void StartFirstRound(RegisteredSites sites)
    {
        Timers.CancelAll();
        if (_options.FederatedStatistics is not null)
        {
            PoolStatistics(sites);
            return;
        }

        StartRound(sites);
    }

    /// <summary>
    /// Before round 1: pool the sites' feature statistics by secure aggregation, in a child that
    /// retries failed attempts; if none succeeds the study fails, since sites without the pooled
    /// statistics cannot train.
    /// </summary>
    private void PoolStatistics(RegisteredSites sites)
    {
        if (_secure is null)
        {
            Finish(StudyStatus.Failed, "federated statistics need secure aggregation, which this coordinator was not given");
            return;
        }

        _currentRound = Context.ActorOf(
            StatisticsStageActor.Props(_options.Study, _options.FederatedStatistics!, _secure, _registry, _transfer?.Uploads, sites), "statistics");
        Context.Watch(_currentRound);
        Become(PoolingStatistics);
    }

    private void PoolingStatistics()
    {
        Receive<StatisticsStageCompleted>(OnStatisticsPooled);
        Receive<Terminated>(m => m.ActorRef.Equals(_currentRound), _ =>
        {
            _currentRound = null;
            Finish(StudyStatus.Failed, "pooling the feature statistics failed unexpectedly (see the coordinator log)");
        });
    }

    private void OnStatisticsPooled(StatisticsStageCompleted message)
    {
        Context.Unwatch(_currentRound);
        _currentRound = null;
        if (message.FailureReason is { } failure)
        {
            Finish(StudyStatus.Failed, failure);
            return;
        }

        _statistics = message.Summary;
        _pooled.Released(message);
        _registry.Tell(GetRegisteredSites.Instance);
        Become(AwaitingSites);
    }

    /// <summary>
    /// Between rounds: start the next round once the study's minimum of sites is connected. A site
    /// that dropped out (network failure, restart) gets up to <see cref="StudyOptions.RejoinTimeout"/>
    /// to register again; after that the round starts with whoever is there.
    /// </summary>
    private void AwaitingSites()
    {
        Receive<RegisteredSites>(sites =>
        {
            if (sites.Sites.Count >= _options.MinAvailableSites || _rejoinClock.Elapsed >= _options.RejoinTimeout)
            {
                StartRound(sites);
                return;
            }

            if (!_rejoinClock.IsRunning)
            {
                _log.Info("Study {Study}: {Connected} of {Needed} sites connected; waiting up to {Seconds:0} s for the others to rejoin",
                    _options.Study, sites.Sites.Count, _options.MinAvailableSites, _options.RejoinTimeout.TotalSeconds);
                _rejoinClock.Restart();
            }

            Timers.StartSingleTimer(StudyTick.PollRegistry.Name, StudyTick.PollRegistry, PollInterval);
        });
        Receive<StudyTick>(t => t == StudyTick.PollRegistry, _ => _registry.Tell(GetRegisteredSites.Instance));
    }

    private void Running()
    {
        Receive<StatisticsApplied>(m => _log.Info("Study {Study}: site {Site} prepared its rows with the pooled statistics", _options.Study, m.Site));
        Receive<RoundCompleted>(OnRoundCompleted);
        Receive<Terminated>(m => m.ActorRef.Equals(_currentRound), _ => OnRoundCrashed());
    }

    private void StartRound(RegisteredSites sites)
    {
        var round = _progress.NextRound();
        if (_privacy?.Refusal(round, sites.Sites.Keys.ToList()) is { } refusal)
        {
            Finish(StudyStatus.BudgetExhausted, refusal);
            return;
        }

        _pooled.SendToNewcomers(sites);
        var context = new RoundContext(_options.Study, round, _options.Seed, sites.Sites.Keys.ToList());
        var plan = new RoundPlan(
            context, _options.Model, _progress.Global, _strategy, sites.Sites,
            _options.MinFitSites, _options.MinEvaluateSites, _options.FitTimeout, _options.EvaluateTimeout, _secure?.WithEnrolments(sites.Enrolments))
        {
            Models = _transfer?.Models,
            Uploads = _transfer?.Uploads,
            Importance = round == _options.Rounds ? new Core.Training.PermutationSettings(Core.Training.PermutationSettings.DefaultRepeats, _options.Seed) : null,
        };
        _currentRound = Context.ActorOf(RoundActor.Props(plan), $"round-{round}");
        (_metrics ??= new RoundMetricsRecorder(_options.Study.ToString()!)).RoundStarted(round);
        Context.Watch(_currentRound);
        _log.Info("Study {Study}: round {Round} of {Rounds} started with {Sites} connected sites", _options.Study, round, _options.Rounds, sites.Sites.Count);
        Become(Running);
    }

    private void OnRoundCompleted(RoundCompleted message)
    {
        Context.Unwatch(_currentRound);
        _currentRound = null;
        Report(_progress.Commit(message));
    }

    private void OnRoundCrashed()
    {
        _currentRound = null;
        Report(_progress.Crashed());
    }

    /// <summary>Tells whoever started the study, then starts the next round, or ends the study.</summary>
    private void Report(RoundRecord record)
    {
        _metrics?.RoundCommitted(record);
        _listener.Tell(new RoundFinished(record, _options.Rounds) { Global = _progress.Global });
        if (_progress.AbortedInARow >= _options.MaxConsecutiveAbortedRounds)
        {
            Finish(StudyStatus.Aborted, $"{_progress.AbortedInARow} rounds in a row released nothing; the last: {record.AbortReason}");
            return;
        }

        if (_progress.Round >= _options.Rounds)
        {
            Finish(StudyStatus.Completed, null);
            return;
        }

        _rejoinClock.Reset();
        _registry.Tell(GetRegisteredSites.Instance);
        Become(AwaitingSites);
    }

    private void Finish(string status, string? reason)
    {
        Timers.CancelAll();
        if (reason is not null)
        {
            _log.Warning("Study {Study} ended: {Status}: {Reason}", _options.Study, status, reason);
        }
        else
        {
            _log.Info("Study {Study} ended: {Status}", _options.Study, status);
        }

        _listener.Tell(new StudyFinished(_progress.Result(status, reason, _statistics)));
        Become(Finished);
    }

    private void Finished()
    {
        Receive<StartStudy>(_ => Sender.Tell(new Status.Failure(new InvalidOperationException("The study has already run."))));
    }
}
