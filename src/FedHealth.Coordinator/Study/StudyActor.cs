using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using FedHealth.Coordinator.Audit;
using FedHealth.Coordinator.Composition;
using FedHealth.Coordinator.Persistence;
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
/// started it. Event-sourced (docs/durability.md): its definition, each round's privacy charge
/// (write-ahead, before the round releases anything), each committed round and its end are
/// persisted, the global models go to the model store; started again on the same state it resumes
/// at the first uncommitted round with the same global model.
/// </summary>
public sealed class StudyActor : ReceivePersistentActor, IWithTimers
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
    private readonly StudyPersistence _persistence;
    private readonly StudyDefinition _definition;
    private readonly ModelWeights _initial;
    private readonly StudyState _state = new();
    private string? _recoveryProblem;
    private readonly System.Diagnostics.Stopwatch _recoveryClock = System.Diagnostics.Stopwatch.StartNew();

    public StudyActor(
        StudyOptions options, IStrategy strategy, IActorRef registry, ModelWeights initial, StudyPrivacyAccountant? privacy, SecureRoundSettings? secure, RoundTransfer? transfer,
        StudyPersistence? persistence, StudyDefinition? definition)
    {
        _transfer = transfer;
        _initial = initial;
        _persistence = persistence ?? StudyPersistence.InMemory();
        _definition = definition ?? StudyDefinition.Unspecified;
        _privacy = privacy;
        _secure = secure;
        _options = options;
        _strategy = strategy;
        _registry = registry;
        _progress = new StudyProgress(options.Study, initial, privacy);
        _pooled = new PooledStatisticsRelease(options.Study, _log);
        Recover<SnapshotOffer>(offer => _state.Apply((StudySnapshot)offer.Snapshot));
        Recover<IStudyEvent>(_state.Apply);
        Recover<RecoveryCompleted>(_ => Recovered());
        Command<StartStudy>(Start);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public override string PersistenceId => StudyPersistence.PersistenceIdOf(_options.Study.Value);


    /// <param name="privacy">Enforces the privacy budget and keeps the ledger; null when the study has no DP.</param>
    /// <param name="secure">Secure aggregation for rounds with enough sites; null for plain rounds.</param>
    /// <param name="transfer">The transfer channel for large models and replies; null sends everything inside messages.</param>
    /// <param name="persistence">Where the models go and how much is kept; null keeps them in memory.</param>
    /// <param name="definition">What the study is, to refuse a changed one under the same id; null for a study that is never resumed.</param>
    public static Props Props(
        StudyOptions options, IStrategy strategy, IActorRef registry, ModelWeights initial, StudyPrivacyAccountant? privacy = null, SecureRoundSettings? secure = null,
        RoundTransfer? transfer = null, StudyPersistence? persistence = null, StudyDefinition? definition = null) =>
        Akka.Actor.Props.Create(() => new StudyActor(options, strategy, registry, initial, privacy, secure, transfer, persistence, definition));

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(ex =>
        {
            _log.Error(ex, "Round {Round} crashed", _progress.Round);
            return Directive.Stop;
        });

    /// <summary>
    /// After replay: the privacy ledger gets every charge again (identical entries are not counted
    /// twice) and the progress the committed rounds and their last model.
    /// </summary>
    private void Recovered()
    {
        _recoveryClock.Stop();
        if (_state.Definition is not { } defined)
        {
            return;
        }

        if (defined.Schema > StudyState.SchemaVersion)
        {
            _recoveryProblem = $"the state of study {_options.Study} was written by a newer fedhealth (schema {defined.Schema}; this one reads up to {StudyState.SchemaVersion}): upgrade fedhealth; nothing was changed.";
            return;
        }

        foreach (var charge in _state.Charges)
        {
            _privacy?.Record(charge.LedgerRound, charge.Contributors, charge.Noise);
        }

        var hash = _state.Records.Count == 0 ? defined.InitialModelHash : _state.Records[^1].ModelHash;
        if (_persistence.Models.Get(hash) is not { } global)
        {
            _recoveryProblem = $"the state of study {_options.Study} names the global model {hash[..12]}… of round {_state.LastCommittedRound}, which its models folder does not hold: restore the folder from the same backup as the database (docs/durability.md).";
            return;
        }

        _progress.Restore(_state.Records, global);
        if (_state.ServerState is { } server && _strategy is Strategies.IServerStatefulStrategy stateful)
        {
            stateful.RestoreServerState(server);
        }
    }

    private void Start(StartStudy start)
    {
        _listener = Sender;
        var errors = _options.Validate();
        if (errors.Count > 0)
        {
            Finish(StudyStatus.Failed, "invalid study options: " + string.Join(" ", errors));
            return;
        }

        if (Refusal(start) is { } refusal)
        {
            _log.Warning("Study {Study} refused: {Reason}", _options.Study, refusal);
            _listener.Tell(new StudyRefused(refusal));
            return;
        }

        if (_state.Definition is not null)
        {
            Resume();
            return;
        }

        var initialHash = _persistence.Models.Put(_initial);
        Persist(new StudyDefined(StudyState.SchemaVersion, _options.Study.Value, _definition, initialHash), defined =>
        {
            _state.Apply(defined);
            WaitForSites();
        });
    }

    /// <summary>Why this start is refused: a changed definition, a study that already ended, a state that cannot be used, or a fresh start where only a resume may run.</summary>
    private string? Refusal(StartStudy start)
    {
        if (_recoveryProblem is not null)
        {
            return _recoveryProblem;
        }

        if (_state.Definition is not { } stored)
        {
            return start.RefuseFreshStart;
        }

        if (stored.Definition.Differences(_definition) is { Count: > 0 } changed)
        {
            return $"the state already holds study '{_options.Study}' with another definition; changed: {string.Join("; ", changed)}. Use a new study id, or the study's own configuration.";
        }

        // An ended study whose host has no report yet (killed between the end and the report) only reports again.
        return _state.Ended is { } ended && start.RefuseFreshStart is not null
            ? $"study '{_options.Study}' has already ended ({ended.Status}) in this state; see `fedhealth studies show {_options.Study}`, or use a new study id."
            : null;
    }

    private void Resume()
    {
        if (_state.Ended is { } ended)
        {
            _log.Info("Study {Study} had already ended ({Status}); reporting it again", _options.Study, ended.Status);
            Finish(ended.Status, ended.Reason);
            return;
        }

        var interrupted = _state.Interrupted.Select(c => c.Round).Distinct().ToList();
        _log.Info("Study {Study}: resumed study {Study} at round {Round} of {Rounds} ({Committed} rounds committed, recovered in {RecoveryMs:0} ms{Interrupted})",
            new object[]
            {
                _options.Study, _options.Study, _state.LastCommittedRound + 1, _options.Rounds, _state.LastCommittedRound, _recoveryClock.Elapsed.TotalMilliseconds,
                interrupted.Count == 0 ? string.Empty : $"; round {string.Join(", ", interrupted)} was interrupted and runs again with a fresh secure session",
            });
        if (_state.LastCommittedRound >= _options.Rounds)
        {
            Finish(StudyStatus.Completed, null);
            return;
        }

        WaitForSites();
    }

    private void WaitForSites()
    {
        _log.Info("Study {Study}: waiting for {Sites} sites", _options.Study, _options.MinAvailableSites);
        Context.System.EventStream.Publish(new StudyOpened(_options.Study, _options.Rounds, _options.MinAvailableSites, _options.Privacy.MaxEpsilon, DateTimeOffset.UtcNow));
        Timers.StartPeriodicTimer(StudyTick.PollRegistry.Name, StudyTick.PollRegistry, TimeSpan.Zero, PollInterval);
        Timers.StartSingleTimer(StudyTick.RegistrationDeadline.Name, StudyTick.RegistrationDeadline, _options.RegistrationTimeout);
        Become(WaitingForSites);
    }

    private void WaitingForSites()
    {
        Command<StudyTick>(t => t == StudyTick.PollRegistry, _ => _registry.Tell(GetRegisteredSites.Instance));
        Command<RegisteredSites>(m => m.Sites.Count >= _options.MinAvailableSites, StartFirstRound);
        Command<RegisteredSites>(_ => { });
        Command<StudyTick>(t => t == StudyTick.RegistrationDeadline, _ => Finish(
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
        Command<StatisticsStageCompleted>(OnStatisticsPooled);
        Command<Terminated>(m => m.ActorRef.Equals(_currentRound), _ =>
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
        Command<RegisteredSites>(sites =>
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
        Command<StudyTick>(t => t == StudyTick.PollRegistry, _ => _registry.Tell(GetRegisteredSites.Instance));
    }

    private void Running()
    {
        Command<StatisticsApplied>(m => _log.Info("Study {Study}: site {Site} prepared its rows with the pooled statistics", _options.Study, m.Site));
        Command<ChargeRound>(OnChargeRound);
        Command<RoundCompleted>(OnRoundCompleted);
        Command<Terminated>(m => m.ActorRef.Equals(_currentRound), _ => OnRoundCrashed());
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
            ChargeBeforeRelease = _privacy is not null,
            Importance = round == _options.Rounds ? new Core.Training.PermutationSettings(Core.Training.PermutationSettings.DefaultRepeats, _options.Seed) : null,
        };
        _currentRound = Context.ActorOf(RoundActor.Props(plan), $"round-{round}");
        (_metrics ??= new RoundMetricsRecorder(_options.Study.ToString()!)).RoundStarted(round);
        Context.Watch(_currentRound);
        Context.System.EventStream.Publish(new RoundStarted(_options.Study, round, _options.Rounds, [.. sites.Sites.Keys], DateTimeOffset.UtcNow));
        _log.Info("Study {Study}: round {Round} of {Rounds} started with {Sites} connected sites", _options.Study, round, _options.Rounds, sites.Sites.Count);
        CoordinatorAudit.RoundStarted(Context.System.EventStream, _options.Study, round, sites.Sites.Keys);
        Become(Running);
    }

    /// <summary>Write-ahead: the round's cost is in the journal (and the ledger) before the round is told it may release.</summary>
    private void OnChargeRound(ChargeRound charge)
    {
        var round = Sender;
        var charged = new RoundCharged(charge.Round, _state.LedgerRoundFor(charge.Round, _options.Rounds), charge.Contributors, charge.Noise);
        Persist(charged, e =>
        {
            _state.Apply(e);
            _privacy?.Record(e.LedgerRound, e.Contributors, e.Noise);
            round.Tell(new RoundChargeRecorded(e.Round));
        });
    }

    private void OnRoundCompleted(RoundCompleted message)
    {
        Context.Unwatch(_currentRound);
        _currentRound = null;
        Commit(_progress.Completed(message), message.Global);
    }

    private void OnRoundCrashed()
    {
        _currentRound = null;
        Commit(_progress.Crashed(), _progress.Global);
    }

    /// <summary>The model goes to the store first, then the round's event names it by hash; only then is the round reported or the next one started.</summary>
    private void Commit(RoundRecord record, ModelWeights global)
    {
        _persistence.Models.Put(global);
        Persist(new Persistence.RoundCommitted(record, ServerStateOf(_strategy)), committed =>
        {
            _state.Apply(committed);
            _progress.Commit(committed.Record, global);
            KeepModels();
            if (_state.Records.Count % _persistence.SnapshotEvery == 0)
            {
                SaveSnapshot(_state.ToSnapshot());
            }

            Report(committed.Record);
        });
    }

    private static Aggregation.ServerOptimizerState? ServerStateOf(IStrategy strategy) =>
        (strategy as Strategies.IServerStatefulStrategy)?.ServerState;

    /// <summary>The initial model, the last rounds' models and every tagged round's; older ones are removed.</summary>
    private void KeepModels()
    {
        var keep = new HashSet<string>(StringComparer.Ordinal) { _state.Definition!.InitialModelHash };
        keep.UnionWith(_state.Records.TakeLast(_persistence.KeepModels).Select(r => r.ModelHash));
        keep.UnionWith(_state.Records.Where(r => _persistence.TaggedRounds.Contains(r.Round)).Select(r => r.ModelHash));
        _persistence.Models.Keep(keep);
    }

    /// <summary>Tells whoever started the study, then starts the next round, or ends the study.</summary>
    private void Report(RoundRecord record)
    {
        _metrics?.RoundCommitted(record);
        CoordinatorAudit.RoundCommitted(Context.System.EventStream, _options.Study, record);
        _listener.Tell(new RoundFinished(record, _options.Rounds) { Global = _progress.Global });
        Context.System.EventStream.Publish(new RoundCommitted(_options.Study, record, _options.Rounds, DateTimeOffset.UtcNow));
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

        CoordinatorAudit.StudyFinished(Context.System.EventStream, _options.Study, status, reason);
        Become(Finished);
        var result = _progress.Result(status, reason, _statistics);
        if (_state.Definition is null || _state.Ended is not null)
        {
            Announce(result);
            return;
        }

        Persist(new StudyEnded(status, reason), ended =>
        {
            _state.Apply(ended);
            Announce(result);
        });
    }

    /// <summary>The study's end, to its listener and on the EventStream (the consoles).</summary>
    private void Announce(StudyResult result)
    {
        _listener.Tell(new StudyFinished(result));
        Context.System.EventStream.Publish(new StudyFinished(result));
    }

    private void Finished()
    {
        Command<StartStudy>(_ => Sender.Tell(new Status.Failure(new InvalidOperationException("The study has already run."))));
    }
}
