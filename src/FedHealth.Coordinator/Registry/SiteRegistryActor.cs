using System.Collections.Immutable;
using Akka.Actor;
using Akka.Event;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;

namespace FedHealth.Coordinator.Registry;

/// <summary>
/// Knows which sites are connected. A site that registers again (after a restart or reconnect)
/// replaces its previous actor; a terminated site is forgotten.
/// </summary>
public sealed class SiteRegistryActor : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Func<SiteId, bool> _isEnrolled;
    private ImmutableSortedDictionary<SiteId, IActorRef> _sites = ImmutableSortedDictionary<SiteId, IActorRef>.Empty;

    public SiteRegistryActor(Func<SiteId, bool> isEnrolled)
    {
        _isEnrolled = isEnrolled;
        Receive<RegisterSite>(Register);
        Receive<GetRegisteredSites>(_ => Sender.Tell(new RegisteredSites(_sites)));
        Receive<Terminated>(Forget);
    }

    /// <param name="isEnrolled">Which site ids may join; by default every site may.</param>
    public static Props Props(Func<SiteId, bool>? isEnrolled = null) =>
        Akka.Actor.Props.Create(() => new SiteRegistryActor(isEnrolled ?? (_ => true)));

    private void Register(RegisterSite message)
    {
        if (!_isEnrolled(message.Site))
        {
            _log.Warning("Refused registration of site {Site}: not enrolled in this study", message.Site);
            return;
        }

        if (_sites.TryGetValue(message.Site, out var previous) && !previous.Equals(Sender))
        {
            Context.Unwatch(previous);
            _log.Info("Site {Site} registered again; replacing its previous connection", message.Site);
        }
        else if (!_sites.ContainsKey(message.Site))
        {
            _log.Info("Site {Site} registered", message.Site);
        }

        _sites = _sites.SetItem(message.Site, Sender);
        Context.Watch(Sender);
        Sender.Tell(new SiteRegistered(message.Site));
    }

    private void Forget(Terminated message)
    {
        foreach (var (site, actor) in _sites)
        {
            if (actor.Equals(message.ActorRef))
            {
                _sites = _sites.Remove(site);
                _log.Warning("Site {Site} disconnected", site);
            }
        }
    }
}
