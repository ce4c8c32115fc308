using Akka.Actor;
using Akka.Event;
using FedHealth.Core.Data;
using FedHealth.Core.Delivery;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Core.Protocol.Statistics;
using FedHealth.Core.Training;
using FedHealth.Node.Agent.Registration;
using FedHealth.Node.Audit;
using FedHealth.Node.Agent.Replies;
using FedHealth.Node.Agent.Sessions;
using FedHealth.Node.Policy;
using FedHealth.Node.SecureAggregation;
using FedHealth.SecureAggregation.Client;
using FedHealth.SecureAggregation.Updates;

namespace FedHealth.Node.Agent;

/// <summary>
/// A hospital's agent: the one actor the coordinator knows as this site. It routes: registration
/// to its <see cref="RegistrationActor"/> child; each training round, evaluation, secure round and
/// statistics session to a child of its own (<c>Sessions/</c>) that owns that session's state and
/// stops itself; every reply out through its <see cref="ReplyChannel"/>. It answers only with
/// weights, masked vectors and aggregate metrics — never a row. It keeps the site's prepared rows.
/// </summary>
public sealed class NodeAgentActor : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IPooledPreprocessing? _pooled;
    private readonly SiteId _site;
    private readonly ILocalTrainer _trainer;
    private readonly SecureAggregationIdentity? _identity;
    private readonly SimulatedDropout _dropout;
    private readonly NodeTransfer? _transfer;
    private readonly ReplyChannel _replies;
    private readonly NodeAudit _audit;
    private readonly SitePrivacyGuard? _guard;
    private readonly Dictionary<(StudyId Study, int Round), IActorRef> _secure = [];
    private readonly IActorRef _registration;
    private SiteData? _data;
    private long _sessions;

    public NodeAgentActor(
        SiteData? data, IPooledPreprocessing? pooled, ILocalTrainer trainer, ActorSelection registry, SecureAggregationIdentity? identity, SimulatedDropout dropout,
        NodeTransfer? transfer, SitePrivacyGuard? guard)
    {
        _data = data;
        _guard = guard;
        _pooled = pooled;
        _site = data?.Site ?? pooled?.Site ?? throw new ArgumentException("A site needs its data or its pooled preprocessing.", nameof(data));
        _trainer = trainer;
        _identity = identity;
        _dropout = dropout;
        _transfer = transfer;
        _audit = new NodeAudit(_site, Context.System.EventStream);
        _replies = new ReplyChannel(_site, transfer?.Uploads, _log, _audit);
        _registration = Context.ActorOf(RegistrationActor.Props(_site, registry, identity?.Enrolment, identity?.AnswerChallenge), "registration");

        Receive<SiteRegistered>(m => _registration.Forward(m));
        Receive<RegistrationRefused>(m => _registration.Forward(m));
        Receive<RegistrationChallenge>(m => _registration.Forward(m));
        Receive<RegistrationActor.Registered>(OnRegistered);
        Receive<FitInstruction>(_ => _data is null, m => NotPrepared(m, ProtocolStage.Fit));
        Receive<EvaluateInstruction>(_ => _data is null, m => NotPrepared(m, ProtocolStage.Evaluate));
        Receive<FitInstruction>(Train);
        Receive<EvaluateInstruction>(Evaluate);
        Receive<StatisticsInstruction>(ContributeStatistics);
        Receive<PooledStatistics>(ApplyStatistics);
        Receive<SecAggSetup>(ToSession);
        Receive<SecAggKeysBroadcast>(ToSession);
        Receive<SecAggForwardedShares>(ToSession);
        Receive<SecAggSurvivors>(ToSession);
        Receive<SecAggUnmaskRequest>(ToSession);
        Receive<SessionReply>(m =>
        {
            _replies.Send(m.Round, m.Reply, Self);
            Context.System.EventStream.Publish(new SiteMessageSent(_site, m.Reply, DateTimeOffset.UtcNow));
        });
        Receive<UploadReady>(_replies.Upload);
        Receive<Terminated>(m => Forget(m.ActorRef));
    }

    /// <param name="identity">The site's signing key and the enrolled keys, for secure aggregation; null if the site cannot take part.</param>
    /// <param name="dropout">Simulation only: vanish at random stages; <see cref="SimulatedDropout.None"/> in deployment.</param>
    /// <param name="transfer">Fetches large models and uploads large replies over the coordinator's transfer channel; null sends everything inside messages.</param>
    /// <param name="guard">The site's own privacy policy and ledger, checked and charged before each training round; null accepts what the study asks (simulation).</param>
    public static Props Props(
        SiteData data, ILocalTrainer trainer, ActorSelection registry, SecureAggregationIdentity? identity = null, SimulatedDropout? dropout = null,
        NodeTransfer? transfer = null, SitePrivacyGuard? guard = null) =>
        Akka.Actor.Props.Create(() => new NodeAgentActor(data, null, trainer, registry, identity, dropout ?? SimulatedDropout.None, transfer, guard));

    /// <summary>A site that imputes and standardises with statistics pooled (securely) over all sites; it trains once they arrive.</summary>
    public static Props Props(
        IPooledPreprocessing pooled, ILocalTrainer trainer, ActorSelection registry, SecureAggregationIdentity? identity = null, SimulatedDropout? dropout = null,
        NodeTransfer? transfer = null, SitePrivacyGuard? guard = null) =>
        Akka.Actor.Props.Create(() => new NodeAgentActor(null, pooled, trainer, registry, identity, dropout ?? SimulatedDropout.None, transfer, guard));

    private void OnRegistered(RegistrationActor.Registered registered)
    {
        if (_data is null && _pooled is not null && !registered.PooledStatistics)
        {
            // The study standardises with each site's own statistics: nothing to wait for.
            _data = _pooled.PrepareWithOwnStatistics();
        }
    }

    /// <summary>
    /// The site's own policy, before any training session starts: a refused instruction is never
    /// trained; an admitted one is already charged to the site's ledger (a resent round again).
    /// </summary>
    private void Train(FitInstruction instruction)
    {
        if (instruction.Secure is not null && _identity is null)
        {
            Answer(new StageFailed(instruction.Study, instruction.Round, ProtocolStage.Fit, _site, "this site has no secure-aggregation identity"));
        }
        else if (Refusal(instruction, instruction.Model, instruction.Weights, instruction.WeightsOffer) is { } refused)
        {
            Refuse(instruction, ProtocolStage.Fit, refused);
        }
        else if (Guard(instruction) is { } refusal)
        {
            _log.Warning("Site {Site}: refused {Study} round {Round}: {Reason}", _site, instruction.Study, instruction.Round, refusal);
            _audit.Refused(instruction, refusal);
            Answer(new StageFailed(instruction.Study, instruction.Round, ProtocolStage.Fit, _site, $"refused by the site's privacy policy: {refusal}"));
        }
        else if (instruction.Secure is null)
        {
            _log.Info("Site {Site}: training {Study} round {Round}", _site, instruction.Study, instruction.Round);
            Fit(instruction);
        }
        else
        {
            _log.Info("Site {Site}: training {Study} round {Round} (secure aggregation)", _site, instruction.Study, instruction.Round);
            FitSecurely(instruction);
        }
    }

    /// <summary>The site's policy on an instruction: null when it may train (and its cost is charged and audited), else the refusal.</summary>
    private string? Guard(FitInstruction instruction)
    {
        if (_guard?.Decide(instruction, _data!.Train.Rows) is not { } verdict)
        {
            return null;
        }

        if (verdict.Charge is { } charge)
        {
            _audit.Charged(charge);
        }

        return verdict.Refusal;
    }

    /// <summary>A reply straight from the agent (a refusal, a failure, a confirmation), on the audit trail like every other.</summary>
    private void Answer(IRoundMessage reply)
    {
        _audit.Sent(reply);
        Sender.Tell(reply);
        Context.System.EventStream.Publish(new SiteMessageSent(_site, reply, DateTimeOffset.UtcNow));
    }

    /// <summary>Every protocol message from the coordinator goes on the site's audit trail as it arrives.</summary>
    protected override bool AroundReceive(Receive receive, object message)
    {
        if (message is IProtocolMessage protocol)
        {
            _audit.Received(protocol);
        }

        return base.AroundReceive(receive, message);
    }

    private void Fit(FitInstruction instruction)
    {
        var (site, train, trainer, models) = (_site, _data!.Train, _trainer, _transfer?.Models);
        var config = instruction.Config with { Seed = SiteSeeds.For(instruction.Config.Seed, site) };
        async Task<IRoundMessage> Train()
        {
            var weights = await ModelFetch.ResolveAsync(instruction.Model, instruction.Weights, instruction.WeightsOffer, models).ConfigureAwait(false);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var outcome = trainer.Fit(instruction.Model, weights, train, config);
            return new FitReply(instruction.Study, instruction.Round, site, outcome.Weights, outcome.NumExamples, outcome.TrainLoss, clock.Elapsed.TotalMilliseconds);
        }

        Context.ActorOf(WorkSessionActor.Props(instruction, Sender, site, ProtocolStage.Fit, Train), SessionName("fit", instruction));
    }

    private void Evaluate(EvaluateInstruction instruction)
    {
        if (Refusal(instruction, instruction.Model, instruction.Weights, instruction.WeightsOffer) is { } refused)
        {
            Refuse(instruction, ProtocolStage.Evaluate, refused);
            return;
        }

        var (site, test, trainer, models) = (_site, _data!.Test, _trainer, _transfer?.Models);
        async Task<IRoundMessage> Score()
        {
            var weights = await ModelFetch.ResolveAsync(instruction.Model, instruction.Weights, instruction.WeightsOffer, models).ConfigureAwait(false);
            var outcome = trainer.Evaluate(instruction.Model, weights, test);
            if (instruction.Importance is { } importance && trainer is IPermutationImportance permutation)
            {
                // The repeats are bounded by the wire's validation; the site draws its own permutations.
                outcome = outcome with
                {
                    LossIncreases = permutation.LossIncreases(instruction.Model, weights, test, importance with { Seed = SiteSeeds.For(importance.Seed, site) }),
                };
            }

            return new EvaluateReply(instruction.Study, instruction.Round, site, outcome);
        }

        Context.ActorOf(WorkSessionActor.Props(instruction, Sender, site, ProtocolStage.Evaluate, Score), SessionName("evaluate", instruction));
    }

    /// <summary>
    /// Secure path: train, then answer only through the SecAgg stages. The key stages need no
    /// input and may run while training; the masked input waits for it.
    /// </summary>
    private void FitSecurely(FitInstruction instruction)
    {
        var train = _data!.Train;
        var trainer = _trainer;
        var models = _transfer?.Models;
        var config = instruction.Config with { Seed = SiteSeeds.For(instruction.Config.Seed, _site) };
        async Task<ulong[]> Training()
        {
            var weights = await ModelFetch.ResolveAsync(instruction.Model, instruction.Weights, instruction.WeightsOffer, models).ConfigureAwait(false);
            var outcome = trainer.Fit(instruction.Model, weights, train, config);
            return new SecureUpdateCodec(instruction.Secure!, weights.Length).Encode(weights.Flat, outcome.Weights.Flat, outcome.NumExamples);
        }

        StartSecureSession(instruction, instruction.Secure!.Enrolments, _dropout.StageFor(_site, instruction.Round), encoded: null, Training);
    }

    /// <summary>
    /// The statistics stage: the site's sufficient statistics go into a secure sum (the SecAgg+
    /// stages that follow are the same as a training round's), so no one sees this site's own.
    /// </summary>
    private void ContributeStatistics(StatisticsInstruction instruction)
    {
        string? refusal = _guard?.Policy.StudyRefusal(instruction.Study);
        if (refusal is not null)
        {
            _log.Warning("Site {Site}: refused {Study} statistics session {Round}: {Reason}", _site, instruction.Study, instruction.Round, refusal);
        }
        else if (_pooled is null || _identity is null)
        {
            refusal = "this site is not set up to pool its statistics securely";
        }
        else if (_pooled.StatisticsLength != instruction.VectorLength)
        {
            refusal = $"the study expects {instruction.VectorLength} statistics but this site's schema gives {_pooled.StatisticsLength}: the sites' columns differ";
        }

        if (refusal is not null)
        {
            Answer(new StageFailed(instruction.Study, instruction.Round, ProtocolStage.Statistics, _site, refusal));
            return;
        }

        ulong[] encoded;
        try
        {
            encoded = _pooled!.EncodeStatistics(instruction.ModulusBits);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or OverflowException)
        {
            Answer(SessionFailure.Of(instruction, ProtocolStage.Statistics, _site, ex, _log));
            return;
        }

        StartSecureSession(instruction, instruction.Enrolments, vanishAt: null, encoded, training: null);
    }

    private void StartSecureSession(
        IRoundMessage instruction, IReadOnlyList<Core.Enrolment.SiteEnrolment>? relayed, SecAggStage? vanishAt, ulong[]? encoded, Func<Task<ulong[]>>? training)
    {
        var key = (instruction.Study, instruction.Round);
        if (_secure.Remove(key, out var stale))
        {
            Context.Stop(stale);
        }

        var client = new SecAggClient(_site, instruction.Study, instruction.Round, _identity!.SiteKey, TrustedKeys(relayed));
        var session = Context.ActorOf(SecureSessionActor.Props(instruction, Sender, _site, client, vanishAt, encoded, training), SessionName("secure", instruction));
        Context.Watch(session);
        _secure[key] = session;
    }

    private void ToSession(IRoundMessage message)
    {
        if (_secure.TryGetValue((message.Study, message.Round), out var session))
        {
            session.Forward(message);
        }
    }

    private void Forget(IActorRef session)
    {
        foreach (var key in _secure.Where(kv => kv.Value.Equals(session)).Select(kv => kv.Key).ToList())
        {
            _secure.Remove(key);
        }
    }

    /// <summary>The peers' keys to trust in one session; relayed enrolments that fail verification are left out (and logged).</summary>
    private IReadOnlyDictionary<SiteId, byte[]> TrustedKeys(IReadOnlyList<Core.Enrolment.SiteEnrolment>? relayed)
    {
        var (keys, refusals) = _identity!.TrustedKeys(relayed);
        foreach (var refusal in refusals)
        {
            _log.Warning("Site {Site}: not trusting a relayed enrolment: {Refusal}", _site, refusal);
        }

        return keys;
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
            _log.Info("Site {Site}: prepared its rows with statistics pooled over {Count} sites", _site, pooled.Contributors);
            Answer(new StatisticsApplied(pooled.Study, pooled.Round, _site));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or OverflowException)
        {
            Answer(SessionFailure.Of(pooled, ProtocolStage.Statistics, _site, ex, _log));
        }
    }

    /// <summary>
    /// What a site refuses before anything is charged, fetched or trained: a study it is not in, a
    /// model whose weights do not fill its spec, an offer on another host or larger than the model.
    /// </summary>
    private string? Refusal(IRoundMessage instruction, Core.Training.ModelSpec model, Core.Weights.ModelWeights weights, ModelOffer? offer) =>
        _guard?.Policy.StudyRefusal(instruction.Study) ?? ModelCheck.Refusal(model, weights, offer, _transfer?.CoordinatorHost);

    private void Refuse(IRoundMessage instruction, ProtocolStage stage, string reason)
    {
        _log.Warning("Site {Site}: refused {Study} round {Round}: {Reason}", _site, instruction.Study, instruction.Round, reason);
        Answer(new StageFailed(instruction.Study, instruction.Round, stage, _site, $"refused by the site: {reason}"));
    }

    private void NotPrepared(IRoundMessage instruction, ProtocolStage stage) =>
        Answer(new StageFailed(instruction.Study, instruction.Round, stage, _site, "this site has not received the pooled feature statistics yet"));

    /// <summary>Unique per session, readable in logs: <c>fit-3-17</c> (round 3, the agent's 17th session).</summary>
    private string SessionName(string kind, IRoundMessage instruction) => $"{kind}-{instruction.Round}-{++_sessions}";
}
