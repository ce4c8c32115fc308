using Akka.Actor;
using Akka.Event;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.SecureAggregation.Client;
using FedHealth.SecureAggregation.Errors;

namespace FedHealth.Node.Agent.Sessions;

/// <summary>
/// One SecAgg+ session of this site (a secure training round or the statistics stage), as a child
/// of the agent, which forwards it the session's messages: it answers each stage with its
/// <see cref="SecAggClient"/>, holds the masked input back until its encoded input is ready (local
/// training runs meanwhile), and stops after the unmask stage, on a guard's refusal, or on a
/// failure. A simulated dropout makes it fall silent for the rest of the round.
/// </summary>
internal sealed class SecureSessionActor : ReceiveActor
{
    private static readonly TimeSpan VanishedFor = TimeSpan.FromMinutes(2);

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IRoundMessage _instruction;
    private readonly IActorRef _round;
    private readonly SiteId _site;
    private readonly SecAggClient _client;
    private readonly SecAggStage? _vanishAt;
    private ulong[]? _encoded;
    private SecAggForwardedShares? _pendingShares;

    /// <param name="encoded">The input to sum, when it is ready up front (the statistics); null while it is trained.</param>
    /// <param name="training">Produces the encoded update (a secure training round); null when <paramref name="encoded"/> is given.</param>
    public SecureSessionActor(
        IRoundMessage instruction, IActorRef round, SiteId site, SecAggClient client, SecAggStage? vanishAt, ulong[]? encoded, Func<Task<ulong[]>>? training)
    {
        _instruction = instruction;
        _round = round;
        _site = site;
        _client = client;
        _vanishAt = vanishAt;
        _encoded = encoded;
        Become(Running);
        if (training is not null)
        {
            Task.Run(training).PipeTo(Self, Self, encodedUpdate => new Trained(encodedUpdate, null), ex => new Trained(null, ex));
        }
    }

    public static Props Props(
        IRoundMessage instruction, IActorRef round, SiteId site, SecAggClient client, SecAggStage? vanishAt, ulong[]? encoded, Func<Task<ulong[]>>? training) =>
        Akka.Actor.Props.Create(() => new SecureSessionActor(instruction, round, site, client, vanishAt, encoded, training));

    protected override void PostStop() => _client.Dispose();

    private void Running()
    {
        Receive<Trained>(OnTrained);
        Receive<SecAggSetup>(m => Step(SecAggStage.AdvertiseKeys, () => _client.AdvertiseKeys(m)));
        Receive<SecAggKeysBroadcast>(m => Step(SecAggStage.ShareKeys, () => _client.ShareKeys(m)));
        Receive<SecAggForwardedShares>(m => Step(SecAggStage.MaskedInput, () => MaskInput(m)));
        Receive<SecAggSurvivors>(m => Step(SecAggStage.ConsistencyCheck, () => _client.ConfirmSurvivors(m)));
        Receive<SecAggUnmaskRequest>(m =>
        {
            Step(SecAggStage.Unmask, () => _client.Unmask(m));
            Context.Stop(Self);
        });
    }

    /// <summary>Simulation: this site vanished for the rest of the round; the session ends with the round, or after a quiet while.</summary>
    private void Vanished()
    {
        SetReceiveTimeout(VanishedFor);
        Receive<SecAggUnmaskRequest>(_ => Context.Stop(Self));
        Receive<ReceiveTimeout>(_ => Context.Stop(Self));
        ReceiveAny(_ => { });
    }

    private void OnTrained(Trained trained)
    {
        if (trained.Encoded is null)
        {
            Send(SessionFailure.Of(_instruction, ProtocolStage.Fit, _site, trained.Error!, _log));
            Context.Stop(Self);
            return;
        }

        _encoded = trained.Encoded;
        if (_pendingShares is { } shares)
        {
            _pendingShares = null;
            Answer(() => _client.MaskInput(shares, _encoded));
        }
    }

    private IRoundMessage? MaskInput(SecAggForwardedShares shares)
    {
        if (_encoded is null)
        {
            _pendingShares = shares;
            return null;
        }

        return _client.MaskInput(shares, _encoded);
    }

    private void Step(SecAggStage stage, Func<IRoundMessage?> respond)
    {
        if (_vanishAt == stage)
        {
            _log.Info("Site {Site}: simulated dropout at {Stage} of round {Round}", _site, stage, _instruction.Round);
            Become(Vanished);
            return;
        }

        Answer(respond);
    }

    private void Answer(Func<IRoundMessage?> respond)
    {
        try
        {
            if (respond() is { } reply)
            {
                Send(reply);
            }
        }
        catch (SecureAggregationAbortedException ex)
        {
            _log.Warning("Site {Site}: refused to continue round {Round}: {Guard} at {Stage}", _site, _instruction.Round, ex.Guard, ex.Stage);
            Send(ex.ToMessage(_instruction.Study, _instruction.Round, _site));
            Context.Stop(Self);
        }
    }

    private void Send(IRoundMessage reply) => Context.Parent.Tell(new SessionReply(_round, reply));

    private sealed record Trained(ulong[]? Encoded, Exception? Error) : INoSerializationVerificationNeeded;
}
