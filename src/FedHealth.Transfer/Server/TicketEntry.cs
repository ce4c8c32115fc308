using System.Security.Cryptography.X509Certificates;
using FedHealth.Transfer.Framing;
using FedHealth.Transfer.Offers;

namespace FedHealth.Transfer.Server;

/// <summary>What a live ticket stands for: a blob to serve or a blob to receive, until it expires.</summary>
internal abstract class TicketEntry(BlobOffer offer, DateTimeOffset expiresAt, Func<X509Certificate2, bool>? mayUse)
{
    public BlobOffer Offer { get; } = offer;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public abstract BlobOperation Operation { get; }

    /// <summary>Whether the authenticated peer may use this ticket; a predicate that throws says no.</summary>
    public bool Permits(X509Certificate2 peer)
    {
        try
        {
            return mayUse?.Invoke(peer) ?? true;
        }
#pragma warning disable CA1031 // A failing predicate refuses the peer.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    /// <summary>Called once when the ticket expires or is withdrawn before it was used up.</summary>
    public virtual void Retire(BlobStatus why)
    {
    }

    /// <summary>Called once when the server stops while the ticket is live.</summary>
    public virtual void Abandon()
    {
    }
}
