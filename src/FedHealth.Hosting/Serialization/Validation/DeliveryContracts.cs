using FedHealth.Core.Delivery;

namespace FedHealth.Hosting.Serialization.Validation;

/// <summary>Offers of blobs on the transfer channel: sizes within the channel's limit, hashes of SHA-256's size.</summary>
internal static class DeliveryContracts
{
    private const int Sha256Bytes = 32;

    public static IEnumerable<MessageContract> All =>
    [
        MessageContract.For<UploadOffer>((m, wire) =>
        {
            wire.Study(m.Study);
            wire.Site(m.Site, nameof(m.Site));
            wire.Text(m.Manifest, nameof(m.Manifest), maxLength: 128);
            if (!WireFormat.Manifests.Contains(m.Manifest, StringComparer.Ordinal))
            {
                throw wire.Refuse(RefusalReason.UnknownManifest, $"{nameof(m.Manifest)} names no protocol message");
            }

            wire.Bytes(m.Ticket, nameof(m.Ticket));
            wire.Count(m.Length, 1, WireLimits.MaxBlobBytes, nameof(m.Length));
            wire.Bytes(m.Sha256, nameof(m.Sha256), Sha256Bytes, Sha256Bytes);
        }),
        MessageContract.For<UploadReady>((m, wire) =>
        {
            wire.Study(m.Study);
            wire.Bytes(m.Ticket, nameof(m.Ticket));
            wire.Endpoint(m.Host, m.Port, string.Empty);
        }),
    ];

    public static void Offer(this WireCheck wire, ModelOffer offer, string member)
    {
        wire.Bytes(offer.Ticket, member + ".Ticket");
        wire.Count(offer.Length, 1, WireLimits.MaxBlobBytes, member + ".Length");
        wire.Bytes(offer.Sha256, member + ".Sha256", Sha256Bytes, Sha256Bytes);
        wire.Endpoint(offer.Host, offer.Port, member + ".");
    }

    private static void Endpoint(this WireCheck wire, string? host, int port, string prefix)
    {
        wire.Text(host, prefix + "Host", maxLength: 253);
        if (host.Length == 0 || host.Any(char.IsWhiteSpace))
        {
            throw wire.Refuse(RefusalReason.InvalidText, $"{prefix}Host is not a host name or address");
        }

        wire.Count(port, 1, ushort.MaxValue, prefix + "Port");
    }
}
