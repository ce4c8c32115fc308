using Akka.Actor;
using Akka.Event;
using FedHealth.Coordinator.SecureSessions;
using FedHealth.Coordinator.Senders;
using FedHealth.Core.Delivery;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Strategy;

namespace FedHealth.Coordinator.Rounds.Gathering;

/// <summary>
/// Asks every site one question and gathers the answers, as a short-lived child of the round
/// (Akka's DeviceGroupQuery pattern): watches the sites, accepts a reply only from the actor
/// registered for the site it names and only if it passes the request's check, turns failures,
/// terminations and the deadline into failures, replies once and stops.
/// </summary>
public sealed class GatherActor : ReceiveActor, IWithTimers
{
    private const string DeadlineTimer = "deadline";

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly GatherRequest _request;
    private readonly SenderGuard _senders;
    private readonly HashSet<SiteId> _pending = [];
    private readonly HashSet<SiteId> _terminated = [];
    private readonly List<ISiteMessage> _replies = [];
    private readonly List<SiteFailure> _failures = [];

    public GatherActor(GatherRequest request)
    {
        _request = request;
        _senders = new SenderGuard(request.Sites, _log, request.Name, Context.System.EventStream);
        Receive<ISiteMessage>(m => !_senders.Admits(m, Sender), m => _senders.Refuse(m, Sender));
        Receive<ISiteMessage>(m => m.GetType() == _request.ReplyType, OnReply);
        Receive<StageFailed>(m => IsCurrent(m) && m.Stage == _request.Stage, m => Fail(m.Site, m.Reason));
        Receive<UploadOffer>(m => IsCurrent(m) && _request.Uploads is not null, m => UploadRelay.Accept(_request.Uploads!, m, Sender, Self));
        Receive<UploadFailed>(m => _log.Warning("{Session}: the upload from site {Site} failed: {Reason}", _request.Name, m.Site, m.Reason));
        Receive<Terminated>(OnTerminated);
        Receive<Deadline>(_ => TimeOut());
        ReceiveAny(m => _log.Debug("{Session}: ignored {MessageType}", _request.Name, m.GetType().Name));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(GatherRequest request) => Akka.Actor.Props.Create(() => new GatherActor(request));

    protected override void PreStart()
    {
        foreach (var (site, node) in _request.Sites)
        {
            Context.Watch(node);
            _pending.Add(site);
            node.Tell(_request.Instruction);
        }

        Timers.StartSingleTimer(DeadlineTimer, Deadline.Instance, _request.Timeout);
        CompleteIfSettled();
    }

    private bool IsCurrent(IRoundMessage message) => message.Study == _request.Instruction.Study && message.Round == _request.Instruction.Round;

    private void OnReply(ISiteMessage reply)
    {
        if (!IsCurrent(reply) || !_pending.Contains(reply.Site))
        {
            _log.Debug("{Session}: ignored a {MessageType} of another round or from a settled site", _request.Name, reply.GetType().Name);
            return;
        }

        if (_request.Problem(reply) is { } problem)
        {
            Fail(reply.Site, problem);
            return;
        }

        _replies.Add(reply);
        Settle(reply.Site);
    }

    private void OnTerminated(Terminated message)
    {
        foreach (var site in _request.Sites.Where(kv => kv.Value.Equals(message.ActorRef)).Select(kv => kv.Key).ToList())
        {
            _terminated.Add(site);
            Fail(site, "node terminated");
        }
    }

    private void TimeOut()
    {
        foreach (var site in _pending.ToList())
        {
            Fail(site, $"timed out after {_request.Timeout.TotalSeconds:0.###} s");
        }
    }

    private void Fail(SiteId site, string reason)
    {
        if (!_pending.Contains(site))
        {
            return;
        }

        _log.Warning("{Session}: site {Site} failed at {Stage}: {Reason}", _request.Name, site, _request.Stage, reason);
        _failures.Add(new SiteFailure(site, _request.Stage.ToString(), reason));
        Settle(site);
    }

    private void Settle(SiteId site)
    {
        _pending.Remove(site);
        CompleteIfSettled();
    }

    private void CompleteIfSettled()
    {
        if (_pending.Count > 0)
        {
            return;
        }

        Timers.CancelAll();
        Context.Parent.Tell(new GatherCompleted(_replies, _failures, _terminated, _senders.Refused));
        Context.Stop(Self);
    }

    private sealed record Deadline : INoSerializationVerificationNeeded
    {
        public static Deadline Instance { get; } = new();
    }
}
