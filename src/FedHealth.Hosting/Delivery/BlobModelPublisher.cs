using System.Collections.Immutable;
using FedHealth.Core.Delivery;
using FedHealth.Core.Weights;
using FedHealth.Hosting.Serialization;
using FedHealth.Transfer.Server;
using MessagePack;

namespace FedHealth.Hosting.Delivery;

/// <summary>
/// The coordinator's large-model delivery: a model whose serialized form reaches
/// <paramref name="thresholdBytes"/> is published on the mutual-TLS <see cref="BlobServer"/>
/// (bounded, hash-checked chunks; docs/model-transfer.md) and offered by ticket; smaller ones stay
/// inside the message. Every offer expires after <paramref name="lifetime"/>.
/// </summary>
public sealed class BlobModelPublisher(BlobServer server, string publicHost, long thresholdBytes, TimeSpan lifetime) : IModelPublisher
{
    public ModelOffer? Offer(ModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if ((long)weights.Length * sizeof(float) < thresholdBytes)
        {
            return null;
        }

        var bytes = MessagePackSerializer.Serialize(weights, WireFormat.Options);
        var offer = server.Publish(bytes, lifetime);
        return new ModelOffer(offer.Ticket.ToArray(), offer.Length, [.. offer.Sha256], publicHost, server.EndPoint.Port);
    }

    internal static ImmutableArray<byte> Hash(byte[] sha256) => [.. sha256];
}
