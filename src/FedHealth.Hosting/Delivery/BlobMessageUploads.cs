using System.Net;
using FedHealth.Core.Delivery;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Hosting.Serialization;
using FedHealth.Transfer.Client;
using FedHealth.Transfer.Offers;

namespace FedHealth.Hosting.Delivery;

/// <summary>
/// A site's side of large replies: a reply whose serialized form reaches
/// <paramref name="thresholdBytes"/> is offered by a random ticket with its length and SHA-256 and,
/// once the coordinator is ready, uploaded over mutual TLS in bounded chunks.
/// </summary>
public sealed class BlobMessageUploads(BlobClient client, long thresholdBytes) : IMessageUploads
{
    public PendingUpload? Prepare(IRoundMessage message, SiteId site)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is not (FitReply or Core.Protocol.SecureAggregation.SecAggMaskedInput))
        {
            return null;
        }

        var bytes = WireFormat.Serialize(message);
        if (bytes.Length < thresholdBytes)
        {
            return null;
        }

        var blob = BlobOffer.For(bytes);
        var offer = new UploadOffer(message.Study, message.Round, site, WireFormat.ManifestOf(message.GetType()), blob.Ticket.ToArray(), blob.Length, [.. blob.Sha256]);
        return new PendingUpload(offer, bytes);
    }

    public Task UploadAsync(PendingUpload upload, UploadReady ready, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(ready);
        var blob = new BlobOffer(BlobTicket.FromBytes(upload.Offer.Ticket), upload.Offer.Length, BlobModelPublisher.Hash(upload.Offer.Sha256));
        return client.UploadAsync(new DnsEndPoint(ready.Host, ready.Port), blob, upload.Bytes, cancellationToken);
    }
}
