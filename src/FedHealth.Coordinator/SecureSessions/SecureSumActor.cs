using Akka.Actor;
using Akka.Event;
using FedHealth.Coordinator.Rounds;
using FedHealth.Coordinator.Senders;
using FedHealth.Core.Delivery;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Core.Strategy;
using FedHealth.SecureAggregation.Server;

namespace FedHealth.Coordinator.SecureSessions;

/// <summary>
/// One SecAgg+ session as a short-lived child (of a round, or of the statistics stage): starts it
/// at every site, accepts each site's messages only from the actor registered for it, drives the
/// server stage by stage (<see cref="SecureSumSession"/>), turns failures, terminations and
/// deadlines into departures, replies once with <see cref="SecureSumCompleted"/> and stops. The
/// coordinator learns only the sum.
/// </summary>
public sealed class SecureSumActor : ReceiveActor, IWithTimers
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly SecureSumRequest _request;
    private readonly SenderGuard _senders;
    private readonly List<SiteFailure> _departures = [];
    private readonly HashSet<SiteId> _terminated = [];
    private SecureSumSession? _session;
    private Action? _release;

    public SecureSumActor(SecureSumRequest request)
    {
        _request = request;
        _senders = new SenderGuard(request.Sites, _log, request.Name, Context.System.EventStream);
        Receive<ISiteMessage>(m => !_senders.Admits(m, Sender), m => _senders.Refuse(m, Sender));
        Receive<SecAggAdvertiseKeys>(OnProtocolMessage);
        Receive<SecAggShareKeys>(OnProtocolMessage);
        Receive<SecAggMaskedInput>(OnProtocolMessage);
        Receive<SecAggSurvivorsSignature>(OnProtocolMessage);
        Receive<SecAggUnmaskShares>(OnProtocolMessage);
        Receive<SecAggSiteAborted>(OnProtocolMessage);
        Receive<StageFailed>(m => IsCurrent(m) && m.Stage == _request.FailureStage, m => Gone(m.Site, m.Reason));
        Receive<Terminated>(OnTerminated);
        Receive<StageTimedOut>(m => m == StageTimedOut.Secure, _ => _session!.TimedOut());
        Receive<UploadOffer>(m => IsCurrent(m) && _request.Uploads is not null, m => UploadRelay.Accept(_request.Uploads!, m, Sender, Self));
        Receive<ReleaseApproved>(_ => Release());
        Receive<UploadFailed>(m => _log.Warning("{Session}: the upload from site {Site} failed: {Reason}", _request.Name, m.Site, m.Reason));
        ReceiveAny(m => _log.Debug("{Session}: ignored {MessageType}", _request.Name, m.GetType().Name));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(SecureSumRequest request) => Akka.Actor.Props.Create(() => new SecureSumActor(request));

    protected override void PreStart()
    {
        _session = new SecureSumSession(_request.Server, _request.Sites, Timers, _log, StageTimedOut.Secure, _request.Deadline,
            result => Complete(result, null), abort => Complete(null, abort), _request.AskBeforeUnmask ? AskParent : null);
        foreach (var site in _request.Sites.Values)
        {
            Context.Watch(site);
            site.Tell(_request.Start);
        }

        _session.Start();
    }

    private void AskParent(IReadOnlyList<SiteId> contributors, Action release)
    {
        _release = release;
        Context.Parent.Tell(new ReleaseRequested(_request.Start.Round, contributors));
    }

    private void Release()
    {
        var release = _release;
        _release = null;
        release?.Invoke();
    }

    private bool IsCurrent(IRoundMessage message) => message.Study == _request.Start.Study && message.Round == _request.Start.Round;

    private void OnProtocolMessage(IRoundMessage message)
    {
        if (IsCurrent(message))
        {
            _session!.Receive(message);
        }
    }

    private void OnTerminated(Terminated message)
    {
        foreach (var site in _request.Sites.Where(kv => kv.Value.Equals(message.ActorRef)).Select(kv => kv.Key).ToList())
        {
            _terminated.Add(site);
            Gone(site, "node terminated");
        }
    }

    private void Gone(SiteId site, string reason) =>
        _session!.Gone(site, () =>
        {
            _log.Warning("{Session}: site {Site} left the secure sum: {Reason}", _request.Name, site, reason);
            _departures.Add(new SiteFailure(site, _request.FailureStage.ToString(), reason));
        });

    private void Complete(SecAggRoundResult? result, SecAggRoundAbort? abort)
    {
        Timers.CancelAll();
        Context.Parent.Tell(new SecureSumCompleted(result, abort, [.. _departures], _terminated, _senders.Refused));
        Context.Stop(Self);
    }
}
