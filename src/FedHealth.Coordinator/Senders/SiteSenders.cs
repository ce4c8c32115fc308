using System.Collections.Immutable;
using Akka.Actor;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;

namespace FedHealth.Coordinator.Senders;

/// <summary>
/// The authenticated mapping of one session, site id ↔ the actor the registry bound to it (its
/// path and uid), and the check every site message must pass: the sender is the proof, the id
/// inside the message only a claim.
/// </summary>
public sealed class SiteSenders
{
    private readonly ImmutableSortedDictionary<SiteId, IActorRef> _sites;
    private readonly Dictionary<IActorRef, SiteId> _bySender;

    public SiteSenders(ImmutableSortedDictionary<SiteId, IActorRef> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        _sites = sites;
        _bySender = sites.ToDictionary(kv => kv.Value, kv => kv.Key);
    }

    /// <summary>Whether <paramref name="sender"/> is the actor registered for the site <paramref name="message"/> names.</summary>
    public bool IsFromClaimedSite(ISiteMessage message, IActorRef sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _sites.TryGetValue(message.Site, out var registered) && registered.Equals(sender);
    }

    /// <summary>Who <paramref name="sender"/> really is: the site registered with it, or its actor path.</summary>
    public string Describe(IActorRef sender)
    {
        ArgumentNullException.ThrowIfNull(sender);
        return _bySender.TryGetValue(sender, out var site) ? $"site {site}" : $"unregistered actor {sender.Path}";
    }
}
