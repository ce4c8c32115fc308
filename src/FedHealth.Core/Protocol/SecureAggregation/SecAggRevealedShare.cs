using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol.SecureAggregation;

/// <summary>A share of <see cref="Owner"/>'s secret, revealed by a neighbour in the unmask stage.</summary>
[MessagePackObject]
public sealed record SecAggRevealedShare(
    [property: Key(0)] SiteId Owner,
    [property: Key(1)] byte[] Share);
