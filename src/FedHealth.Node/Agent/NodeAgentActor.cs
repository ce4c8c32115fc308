using System.Diagnostics;
using Akka.Actor;
using Akka.Event;
using FedHealth.Core.Data;
using FedHealth.Core.Delivery;
using FedHealth.Core.Enrolment;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Core.Protocol.Statistics;
using FedHealth.Core.Training;
using FedHealth.Node.SecureAggregation;
using FedHealth.SecureAggregation.Client;
using FedHealth.SecureAggregation.Errors;

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
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IPooledPreprocessing? _pooled;
    private readonly SiteId _site;
    private SiteData? _data;
    private readonly ILocalTrainer _trainer;
    private readonly ActorSelection _registry;
    private readonly SecureAggregationIdentity? _identity;
    private readonly SimulatedDropout _dropout;
    private readonly Dictionary<(StudyId Study, int Round), SecureRound> _secure = [];
    private TimeSpan _retry = FirstRetry;
    private IActorRef? _coordinator;

    private readonly IModelFetcher? _models;
    private readonly IMessageUploads? _uploads;
    private readonly Dictionary<string, PendingUpload> _pendingUploads = [];

    public NodeAgentActor(
        SiteData? data, IPooledPreprocessing? pooled, ILocalTrainer trainer, ActorSelection registry, SecureAggregationIdentity? identity, SimulatedDropout dropout,
        NodeTransfer? transfer)
    {
        _models = transfer?.Models;
        _uploads = transfer?.Uploads;
        _data = data;
        _pooled = pooled;
        _site = data?.Site ?? pooled?.Site ?? throw new ArgumentException("A site needs its data or its pooled preprocessing.", nameof(data));
        _trainer = trainer;
        _registry = registry;
        _identity = identity;
        _dropout = dropout;
        Receive<SiteRegistered>(OnRegistered);
        Receive<RegistrationRefused>(OnRefused);
        Receive<RegistrationChallenge>(AnswerChallenge);
        Receive<RetryRegistration>(_ => RetryRegistering());
        Receive<Terminated>(m => m.ActorRef.Equals(_coordinator), _ => OnCoordinatorLost());
        Receive<FitInstruction>(_ => _data is null, m => NotPrepared(m, ProtocolStage.Fit));
        Receive<EvaluateInstruction>(_ => _data is null, m => NotPrepared(m, ProtocolStage.Evaluate));
        Receive<StatisticsInstruction>(ContributeStatistics);
        Receive<PooledStatistics>(ApplyStatistics);
        Receive<FitInstruction>(m => m.Secure is null, Fit);
        Receive<FitInstruction>(FitSecurely);
        Receive<LocalTrainingDone>(OnLocalTrainingDone);
        Receive<SecAggSetup>(m => Step(m, SecAggStage.AdvertiseKeys, r => r.Client.AdvertiseKeys(m)));
        Receive<SecAggKeysBroadcast>(m => Step(m, SecAggStage.ShareKeys, r => r.Client.ShareKeys(m)));
        Receive<SecAggForwardedShares>(m => Step(m, SecAggStage.MaskedInput, r => MaskInput(r, m)));
        Receive<SecAggSurvivors>(m => Step(m, SecAggStage.ConsistencyCheck, r => r.Client.ConfirmSurvivors(m)));
        Receive<SecAggUnmaskRequest>(m => Step(m, SecAggStage.Unmask, r => r.Client.Unmask(m)));
        Receive<EvaluateInstruction>(Evaluate);
        Receive<ReplyReady>(m => Send(m.To, m.Reply));
        Receive<UploadReady>(OnUploadReady);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private SiteId Site => _site;

    /// <param name="identity">The site's signing key and the enrolled keys, for secure aggregation; null if the site cannot take part.</param>
    /// <param name="dropout">Simulation only: vanish at random stages; <see cref="SimulatedDropout.None"/> in deployment.</param>
    /// <param name="transfer">Fetches large models and uploads large replies over the coordinator's transfer channel; null sends everything inside messages.</param>
    public static Props Props(
        SiteData data, ILocalTrainer trainer, ActorSelection registry, SecureAggregationIdentity? identity = null, SimulatedDropout? dropout = null,
        NodeTransfer? transfer = null) =>
        Akka.Actor.Props.Create(() => new NodeAgentActor(data, null, trainer, registry, identity, dropout ?? SimulatedDropout.None, transfer));

    /// <summary>A site that imputes and standardises with statistics pooled (securely) over all sites; it trains once they arrive.</summary>
    public static Props Props(
        IPooledPreprocessing pooled, ILocalTrainer trainer, ActorSelection registry, SecureAggregationIdentity? identity = null, SimulatedDropout? dropout = null,
        NodeTransfer? transfer = null) =>
        Akka.Actor.Props.Create(() => new NodeAgentActor(null, pooled, trainer, registry, identity, dropout ?? SimulatedDropout.None, transfer));

    protected override void PostStop()
    {
        foreach (var round in _secure.Values)
        {
            round.Dispose();
        }

        _secure.Clear();
    }

    protected override void PreStart()
    {
        Register();
        Timers.StartSingleTimer(RegisterTimer, RetryRegistration.Instance, _retry);
    }

    /// <summary>Until the coordinator answers: try again, waiting twice as long each time (1 s … 30 s).</summary>
    private void RetryRegistering()
    {
        Register();
        _retry = TimeSpan.FromTicks(Math.Min(_retry.Ticks * 2, LongestRetry.Ticks));
        Timers.StartSingleTimer(RegisterTimer, RetryRegistration.Instance, _retry);
    }

    /// <summary>The coordinator went away (network failure, restart): register again, with backoff.</summary>
    private void OnCoordinatorLost()
    {
        _log.Info("Site {Site}: lost the coordinator; registering again with backoff", Site);
        _coordinator = null;
        _retry = FirstRetry;
        Timers.StartSingleTimer(RegisterTimer, RetryRegistration.Instance, _retry);
    }

    private void Register() => _registry.Tell(new RegisterSite(Site, _identity?.Enrolment), Self);

    /// <summary>Proves to the registry that this node holds its certificate's key: signs the fresh nonce (with its id and signing key).</summary>
    private void AnswerChallenge(RegistrationChallenge challenge)
    {
        if (challenge.Site != Site || _identity?.AnswerChallenge is not { } answer || challenge.Nonce is not { Length: RegistrationProofPayload.NonceLength })
        {
            _log.Warning("Site {Site}: ignored a registration challenge that is not for this site's registration", Site);
            return;
        }

        Sender.Tell(new RegistrationProof(Site, challenge.Nonce, answer(challenge.Nonce)));
    }

    private void OnRefused(RegistrationRefused refusal) =>
        _log.Error("Site {Site}: the coordinator refused the registration: {Reason}", Site, refusal.Reason);

    /// <summary>The peers' keys to trust in one session; relayed enrolments that fail verification are left out (and logged).</summary>
    private IReadOnlyDictionary<SiteId, byte[]> TrustedKeys(IReadOnlyList<Core.Enrolment.SiteEnrolment>? relayed)
    {
        var (keys, refusals) = _identity!.TrustedKeys(relayed);
        foreach (var refusal in refusals)
        {
            _log.Warning("Site {Site}: not trusting a relayed enrolment: {Refusal}", Site, refusal);
        }

        return keys;
    }

    private void OnRegistered(SiteRegistered registered)
    {
        Timers.Cancel(RegisterTimer);
        _retry = FirstRetry;
        if (!Sender.Equals(_coordinator))
        {
            if (_coordinator is not null)
            {
                Context.Unwatch(_coordinator);
            }

            _coordinator = Sender;
            Context.Watch(_coordinator);
        }

        _log.Info("Site {Site} registered with the coordinator", Site);
        if (_data is null && _pooled is not null && !registered.PooledStatistics)
        {
            // The study standardises with each site's own statistics: nothing to wait for.
            _data = _pooled.PrepareWithOwnStatistics();
        }
    }

    private void Fit(FitInstruction instruction)
    {
        var roundActor = Sender;
        var site = Site;
        var data = _data!.Train;
        var trainer = _trainer;
        var config = instruction.Config with { Seed = SiteSeed(instruction.Config.Seed, site) };
        var models = _models;
        Task.Run(async () =>
        {
            var weights = await ModelDelivery.ResolveAsync(instruction.Weights, instruction.WeightsOffer, models).ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            var outcome = trainer.Fit(instruction.Model, weights, data, config);
            return new FitReply(instruction.Study, instruction.Round, site, outcome.Weights,
                outcome.NumExamples, outcome.TrainLoss, clock.Elapsed.TotalMilliseconds);
        }).PipeTo(Self, Self, reply => new ReplyReady(roundActor, reply), ex => new ReplyReady(roundActor, Failure(instruction, ProtocolStage.Fit, ex)));
    }

    /// <summary>
    /// Secure path: train, then answer only through the SecAgg stages. The key stages need no
    /// input and may run while training; the masked input waits for it.
    /// </summary>
    private void FitSecurely(FitInstruction instruction)
    {
        var key = (instruction.Study, instruction.Round);
        if (_identity is null)
        {
            Sender.Tell(new StageFailed(instruction.Study, instruction.Round, ProtocolStage.Fit, Site, "this site has no secure-aggregation identity"));
            return;
        }

        if (_secure.Remove(key, out var stale))
        {
            stale.Dispose();
        }

        var client = new SecAggClient(Site, instruction.Study, instruction.Round, _identity.SiteKey, TrustedKeys(instruction.Secure!.Enrolments));
        _secure[key] = new SecureRound(instruction, Sender, client, _dropout.StageFor(Site, instruction.Round));
        var data = _data!.Train;
        var trainer = _trainer;
        var config = instruction.Config with { Seed = SiteSeed(instruction.Config.Seed, Site) };
        var models = _models;
        Task.Run(async () =>
            {
                var weights = await ModelDelivery.ResolveAsync(instruction.Weights, instruction.WeightsOffer, models).ConfigureAwait(false);
                var outcome = trainer.Fit(instruction.Model, weights, data, config);
                return SecureUpdateEncoder.Encode(weights.Flat, outcome.Weights.Flat, outcome.NumExamples, instruction.Secure!);
            })
            .PipeTo(Self, Self, encoded => new LocalTrainingDone(instruction, encoded, null), ex => new LocalTrainingDone(instruction, null, ex));
    }

    private void OnLocalTrainingDone(LocalTrainingDone done)
    {
        if (!_secure.TryGetValue((done.Instruction.Study, done.Instruction.Round), out var round))
        {
            return;
        }

        if (done.Encoded is null)
        {
            round.RoundActor.Tell(Failure(done.Instruction, ProtocolStage.Fit, done.Error!));
            Forget(round);
            return;
        }

        round.Encoded = done.Encoded;
        if (round.PendingShares is { } shares && !round.Vanished)
        {
            round.PendingShares = null;
            Reply(round, () => round.Client.MaskInput(shares, round.Encoded));
        }
    }

    private IRoundMessage? MaskInput(SecureRound round, SecAggForwardedShares shares)
    {
        if (round.Encoded is null)
        {
            round.PendingShares = shares;
            return null;
        }

        return round.Client.MaskInput(shares, round.Encoded);
    }

    private void Step(IRoundMessage message, SecAggStage stage, Func<SecureRound, IRoundMessage?> respond)
    {
        if (!_secure.TryGetValue((message.Study, message.Round), out var round) || round.Vanished)
        {
            return;
        }

        if (round.VanishAt == stage)
        {
            _log.Info("Site {Site}: simulated dropout at {Stage} of round {Round}", Site, stage, message.Round);
            round.Vanished = true;
            return;
        }

        Reply(round, () => respond(round));
        if (stage == SecAggStage.Unmask)
        {
            Forget(round);
        }
    }

    private void Reply(SecureRound round, Func<IRoundMessage?> respond)
    {
        try
        {
            if (respond() is { } reply)
            {
                Send(round.RoundActor, reply);
            }
        }
        catch (SecureAggregationAbortedException ex)
        {
            _log.Warning("Site {Site}: refused to continue round {Round}: {Guard} at {Stage}", Site, round.Instruction.Round, ex.Guard, ex.Stage);
            round.RoundActor.Tell(ex.ToMessage(round.Instruction.Study, round.Instruction.Round, Site));
            Forget(round);
        }
    }

    private void Forget(SecureRound round)
    {
        _secure.Remove((round.Instruction.Study, round.Instruction.Round));
        round.Dispose();
    }

    /// <summary>A reply to a round: inline, or (when too large for a message) offered for upload over the transfer channel.</summary>
    private void Send(IActorRef round, IRoundMessage reply)
    {
        if (_uploads?.Prepare(reply, Site) is not { } pending)
        {
            round.Tell(reply);
            return;
        }

        _pendingUploads[Convert.ToHexString(pending.Offer.Ticket)] = pending;
        round.Tell(pending.Offer);
    }

    private void OnUploadReady(UploadReady ready)
    {
        if (_uploads is null || !_pendingUploads.Remove(Convert.ToHexString(ready.Ticket), out var pending))
        {
            return;
        }

        var uploads = _uploads;
        var site = Site;
        var log = _log;
        _ = Task.Run(async () =>
        {
            try
            {
                await uploads.UploadAsync(pending, ready).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
            {
                log.Warning("Site {Site}: the upload for round {Round} failed: {Reason}", site, ready.Round, ex.Message);
            }
        });
    }

    private void NotPrepared(IRoundMessage instruction, ProtocolStage stage) =>
        Sender.Tell(new StageFailed(instruction.Study, instruction.Round, stage, Site, "this site has not received the pooled feature statistics yet"));

    /// <summary>
    /// The statistics stage: the site's sufficient statistics go into a secure sum (the SecAgg+
    /// stages that follow are the same as a training round's), so no one sees this site's own.
    /// </summary>
    private void ContributeStatistics(StatisticsInstruction instruction)
    {
        string? refusal = null;
        if (_pooled is null || _identity is null)
        {
            refusal = "this site is not set up to pool its statistics securely";
        }
        else if (_pooled.StatisticsLength != instruction.VectorLength)
        {
            refusal = $"the study expects {instruction.VectorLength} statistics but this site's schema gives {_pooled.StatisticsLength}: the sites' columns differ";
        }

        if (refusal is not null)
        {
            Sender.Tell(new StageFailed(instruction.Study, instruction.Round, ProtocolStage.Statistics, Site, refusal));
            return;
        }

        ulong[] encoded;
        try
        {
            encoded = _pooled!.EncodeStatistics(instruction.ModulusBits);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or OverflowException)
        {
            Sender.Tell(Failure(instruction, ProtocolStage.Statistics, ex));
            return;
        }

        var key = (instruction.Study, instruction.Round);
        if (_secure.Remove(key, out var stale))
        {
            stale.Dispose();
        }

        var client = new SecAggClient(Site, instruction.Study, instruction.Round, _identity!.SiteKey, TrustedKeys(instruction.Enrolments));
        _secure[key] = new SecureRound(instruction, Sender, client, vanishAt: null) { Encoded = encoded };
    }

    private void ApplyStatistics(PooledStatistics pooled)
    {
        if (_pooled is null)
        {
            return;
        }

        try
        {
            _data = _pooled.Prepare(pooled.Sum, pooled.ModulusBits);
            _log.Info("Site {Site}: prepared its rows with statistics pooled over {Count} sites", Site, pooled.Contributors);
            Sender.Tell(new StatisticsApplied(pooled.Study, pooled.Round, Site));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or OverflowException)
        {
            Sender.Tell(Failure(pooled, ProtocolStage.Statistics, ex));
        }
    }

    private void Evaluate(EvaluateInstruction instruction)
    {
        var site = Site;
        var data = _data!.Test;
        var trainer = _trainer;
        var models = _models;
        Task.Run(async () =>
            {
                var weights = await ModelDelivery.ResolveAsync(instruction.Weights, instruction.WeightsOffer, models).ConfigureAwait(false);
                return new EvaluateReply(instruction.Study, instruction.Round, site, trainer.Evaluate(instruction.Model, weights, data));
            })
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
    private static long SiteSeed(long roundSeed, SiteId site) => roundSeed ^ StableHash.Of(site.Value);

    private sealed record ReplyReady(IActorRef To, IRoundMessage Reply) : INoSerializationVerificationNeeded;

    private sealed record LocalTrainingDone(FitInstruction Instruction, ulong[]? Encoded, Exception? Error) : INoSerializationVerificationNeeded;

    private sealed record RetryRegistration : INoSerializationVerificationNeeded
    {
        public static RetryRegistration Instance { get; } = new();
    }
}
