using FedHealth.Core.Ids;

namespace FedHealth.Core.Protocol;

/// <summary>
/// A round message a site sends in its own name. The coordinator accepts it only from the actor
/// registered for <see cref="Site"/>: the id inside a message is a claim, the sender is the proof.
/// </summary>
public interface ISiteMessage : IRoundMessage
{
    SiteId Site { get; }
}
