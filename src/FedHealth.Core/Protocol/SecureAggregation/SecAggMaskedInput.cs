using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol.SecureAggregation;

/// <summary>
/// Site → coordinator (stage <see cref="SecAggStage.MaskedInput"/>): y = x + PRG(b) + Σ ±PRG(s_uv)
/// mod 2^m, packed little-endian at 4 bytes per element (8 when m exceeds 32), with the sorted
/// list of neighbours the site masked with, signed by its site key. A neighbour reveals a share of
/// this site's b only if it is on that list, so the coordinator cannot have the site mask with a
/// chosen few and then strip exactly those masks.
/// </summary>
[MessagePackObject]
public sealed record SecAggMaskedInput(
    [property: Key(0)] StudyId Study,
    [property: Key(1)] int Round,
    [property: Key(2)] SiteId Site,
    [property: Key(3)] byte[] SessionId,
    [property: Key(4)] byte[] MaskedVector,
    [property: Key(5)] IReadOnlyList<SiteId> MaskedWith,
    [property: Key(6)] byte[] MaskSetSignature) : ISiteMessage;
