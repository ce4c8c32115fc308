using System.Security.Cryptography.X509Certificates;
using FedHealth.Transfer.Framing;
using FedHealth.Transfer.Offers;

namespace FedHealth.Transfer.Server;

/// <summary>A blob the server serves to GET requests until it expires or is withdrawn.</summary>
internal sealed class PublishedBlob(BlobOffer offer, ReadOnlyMemory<byte> data, DateTimeOffset expiresAt, Func<X509Certificate2, bool>? mayFetch)
    : TicketEntry(offer, expiresAt, mayFetch)
{
    public ReadOnlyMemory<byte> Data { get; } = data;

    public override BlobOperation Operation => BlobOperation.Get;
}
