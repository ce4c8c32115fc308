using FedHealth.Core.Delivery;
using FedHealth.Core.Protocol;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Hosting.Serialization;
using FedHealth.Transfer.Offers;
using FedHealth.Transfer.Server;

namespace FedHealth.Hosting.Delivery;

/// <summary>
/// The coordinator's side of large replies: expects the offered upload on the mutual-TLS
/// <see cref="BlobServer"/> (exact length and SHA-256 checked there) and reads it with the wire
/// format's untrusted-data limits. Only the replies that can be large are accepted this way, and
/// none larger than <paramref name="maxBytes"/> (the study's <see cref="UploadLimit"/>).
/// </summary>
public sealed class BlobUploadReceiver(BlobServer server, string publicHost, TimeSpan lifetime, long maxBytes = long.MaxValue) : IUploadReceiver
{
    private static readonly HashSet<string> Uploadable =
        [WireFormat.ManifestOf(typeof(FitReply)), WireFormat.ManifestOf(typeof(SecAggMaskedInput))];

    public (string Host, int Port) Endpoint => (publicHost, server.EndPoint.Port);

    public async Task<IProtocolMessage> ReceiveAsync(UploadOffer offer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (!Uploadable.Contains(offer.Manifest))
        {
            throw new InvalidDataException($"A {offer.Manifest} is not a reply that may be uploaded.");
        }

        if (UploadLimit.Refusal(offer.Length, maxBytes) is { } tooLarge)
        {
            throw new InvalidDataException(tooLarge);
        }

        var blob = new BlobOffer(BlobTicket.FromBytes(offer.Ticket), offer.Length, BlobModelPublisher.Hash(offer.Sha256));
        var bytes = await server.ExpectUpload(blob, lifetime, cancellationToken: cancellationToken).ConfigureAwait(false);
        var message = (IProtocolMessage)WireFormat.Deserialize(bytes, offer.Manifest);
        return message is IRoundMessage round && round.Study == offer.Study && round.Round == offer.Round
            ? message
            : throw new InvalidDataException("The uploaded message does not belong to the offer's study and round.");
    }
}
