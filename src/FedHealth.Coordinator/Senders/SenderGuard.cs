using System.Collections.Immutable;
using Akka.Actor;
using Akka.Event;
using FedHealth.Coordinator.Audit;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;

namespace FedHealth.Coordinator.Senders;

/// <summary>
/// Keeps one session's refused site messages: each kind (claimed site, real sender, message type)
/// is logged once with the claimed and the real sender, and counted, so a flood writes one line;
/// the list goes into the session's record. A refused message never reaches the protocol state.
/// </summary>
/// <param name="audit">Where each admitted message is published for the coordinator's audit trail; null records nothing.</param>
public sealed class SenderGuard(SiteSenders senders, ILoggingAdapter log, string session, EventStream? audit = null)
{
    private readonly Dictionary<(SiteId Claimed, string Real, string Type), int> _refused = [];

    public SenderGuard(ImmutableSortedDictionary<SiteId, IActorRef> sites, ILoggingAdapter log, string session, EventStream? audit = null)
        : this(new SiteSenders(sites), log, session, audit)
    {
    }

    public bool Admits(ISiteMessage message, IActorRef sender)
    {
        if (!senders.IsFromClaimedSite(message, sender))
        {
            return false;
        }

        if (audit is not null)
        {
            CoordinatorAudit.MessageReceived(audit, message);
        }

        return true;
    }

    public void Refuse(ISiteMessage message, IActorRef sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        var key = (Claimed: message.Site, Real: senders.Describe(sender), Type: message.GetType().Name);
        _refused.TryGetValue(key, out var count);
        _refused[key] = count + 1;
        if (count == 0)
        {
            log.Warning("{Session}: refused a {MessageType} in the name of site {Claimed} sent by {Real}: not the actor registered for that site",
                session, key.Type, key.Claimed, key.Real);
        }
    }

    /// <summary>Every refused kind of message so far, with its count.</summary>
    public IReadOnlyList<RefusedMessage> Refused =>
        _refused.Select(kv => new RefusedMessage(kv.Key.Claimed, kv.Key.Real, kv.Key.Type, kv.Value))
            .OrderBy(r => r.ClaimedSite).ThenBy(r => r.RealSender, StringComparer.Ordinal).ThenBy(r => r.MessageType, StringComparer.Ordinal)
            .ToList();
}
