using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol.SecureAggregation;

/// <summary>
/// Site → coordinator (stage <see cref="SecAggStage.Unmask"/>): self-mask-seed shares of surviving
/// neighbours and mask-key shares of dropped neighbours, never both for the same neighbour.
/// </summary>
[MessagePackObject]
public sealed record SecAggUnmaskShares(
    [property: Key(0)] StudyId Study,
    [property: Key(1)] int Round,
    [property: Key(2)] SiteId Site,
    [property: Key(3)] byte[] SessionId,
    [property: Key(4)] IReadOnlyList<SecAggRevealedShare> SelfMaskShares,
    [property: Key(5)] IReadOnlyList<SecAggRevealedShare> MaskKeyShares) : ISiteMessage;
