using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol.SecureAggregation;

/// <summary>
/// Site → coordinator (stage <see cref="SecAggStage.AdvertiseKeys"/>), and relayed unchanged to every
/// site in <see cref="SecAggKeysBroadcast"/>: two fresh X25519 public keys (32 bytes each), one
/// for encrypting shares and one for pairwise masks, signed with the site's long-term Ed25519 key
/// over the session setup.
/// </summary>
[MessagePackObject]
public sealed record SecAggAdvertiseKeys(
    [property: Key(0)] StudyId Study,
    [property: Key(1)] int Round,
    [property: Key(2)] SiteId Site,
    [property: Key(3)] byte[] CipherPublicKey,
    [property: Key(4)] byte[] MaskPublicKey,
    [property: Key(5)] byte[] Signature) : ISiteMessage;
