using System.Net;
using FedHealth.Core.Delivery;
using FedHealth.Core.Weights;
using FedHealth.Hosting.Serialization;
using FedHealth.Transfer.Client;
using FedHealth.Transfer.Offers;

namespace FedHealth.Hosting.Delivery;

/// <summary>
/// A site's large-model delivery: fetches the offered bytes over mutual TLS (the client checks the
/// exact length and SHA-256 before returning anything) and reads the model with the wire format's
/// untrusted-data limits and the weights' contract (bounded layout, finite values).
/// </summary>
public sealed class BlobModelFetcher(BlobClient client) : IModelFetcher
{
    public async Task<ModelWeights> FetchAsync(ModelOffer offer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var blob = new BlobOffer(BlobTicket.FromBytes(offer.Ticket), offer.Length, BlobModelPublisher.Hash(offer.Sha256));
        var bytes = await client.FetchAsync(new DnsEndPoint(offer.Host, offer.Port), blob, cancellationToken).ConfigureAwait(false);
        return WireFormat.DeserializeWeights(bytes, cancellationToken);
    }
}
