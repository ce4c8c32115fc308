using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol.SecureAggregation;

/// <summary>
/// One AES-256-GCM box from <see cref="Sender"/> to <see cref="Recipient"/> holding the sender's
/// self-mask-seed share and mask-key share; the coordinator can route it but not open it.
/// </summary>
[MessagePackObject]
public sealed record SecAggEncryptedShare(
    [property: Key(0)] SiteId Sender,
    [property: Key(1)] SiteId Recipient,
    [property: Key(2)] byte[] Ciphertext);
