using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol.SecureAggregation;

/// <summary>A surviving site's signed list of the neighbours it masked with, relayed from its <see cref="SecAggMaskedInput"/>.</summary>
[MessagePackObject]
public sealed record SecAggMaskSet(
    [property: Key(0)] SiteId Site,
    [property: Key(1)] IReadOnlyList<SiteId> MaskedWith,
    [property: Key(2)] byte[] Signature);
