using System.Collections.Immutable;
using Akka.Actor;
using Akka.Event;
using FedHealth.Core.Enrolment;
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
    private readonly IEnrolmentVerifier? _verifier;
    private ImmutableSortedDictionary<SiteId, IActorRef> _sites = ImmutableSortedDictionary<SiteId, IActorRef>.Empty;
    private ImmutableSortedDictionary<SiteId, SiteEnrolment> _enrolments = ImmutableSortedDictionary<SiteId, SiteEnrolment>.Empty;

    private readonly bool _pooledStatistics;

    public SiteRegistryActor(Func<SiteId, bool> isEnrolled, IEnrolmentVerifier? verifier, bool pooledStatistics)
    {
        _isEnrolled = isEnrolled;
        _verifier = verifier;
        _pooledStatistics = pooledStatistics;
        Receive<RegisterSite>(Register);
        Receive<GetRegisteredSites>(_ => Sender.Tell(new RegisteredSites(_sites) { Enrolments = _enrolments }));
        Receive<Terminated>(Forget);
    }

    /// <param name="isEnrolled">Which site ids may join; by default every site may.</param>
    /// <param name="verifier">Across a network: every registration must carry an enrolment bound to the site's certificate.</param>
    /// <param name="pooledStatistics">Whether the study standardises with pooled statistics (told to every site that registers).</param>
    public static Props Props(Func<SiteId, bool>? isEnrolled = null, IEnrolmentVerifier? verifier = null, bool pooledStatistics = false) =>
        Akka.Actor.Props.Create(() => new SiteRegistryActor(isEnrolled ?? (_ => true), verifier, pooledStatistics));

    private void Register(RegisterSite message)
    {
        if (Refusal(message) is { } refusal)
        {
            _log.Warning("Refused registration of site {Site}: {Reason}", message.Site, refusal);
            Sender.Tell(new RegistrationRefused(message.Site, refusal));
            return;
        }

        if (message.Enrolment is { } enrolment)
        {
            _enrolments = _enrolments.SetItem(message.Site, enrolment);
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
        Sender.Tell(new SiteRegistered(message.Site, _pooledStatistics));
    }

    private string? Refusal(RegisterSite message)
    {
        if (!_isEnrolled(message.Site))
        {
            return "not enrolled in this study";
        }

        if (_verifier is null)
        {
            return null;
        }

        if (message.Enrolment is not { } enrolment)
        {
            return "the registration carries no certificate-bound enrolment";
        }

        return enrolment.Site != message.Site
            ? $"the enrolment is for site {enrolment.Site}, not {message.Site}"
            : _verifier.Refusal(enrolment);
    }

    private void Forget(Terminated message)
    {
        foreach (var (site, actor) in _sites)
        {
            if (actor.Equals(message.ActorRef))
            {
                _sites = _sites.Remove(site);
                _enrolments = _enrolments.Remove(site);
                _log.Warning("Site {Site} disconnected", site);
            }
        }
    }
}
