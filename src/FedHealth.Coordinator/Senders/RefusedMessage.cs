using FedHealth.Core.Ids;

namespace FedHealth.Coordinator.Senders;

/// <summary>
/// A protocol message refused because it did not come from the actor registered for the site it
/// names: which site it claimed, who really sent it (a site id, or the actor's path when the sender
/// is no registered site), its type, and how many such messages were refused.
/// </summary>
public sealed record RefusedMessage(SiteId ClaimedSite, string RealSender, string MessageType, int Count);
