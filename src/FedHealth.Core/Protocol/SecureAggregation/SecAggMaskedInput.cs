using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol.SecureAggregation;

/// <summary>
/// Site → coordinator (stage <see cref="SecAggStage.MaskedInput"/>): y = x + PRG(b) + Σ ±PRG(s_uv)
/// mod 2^m, packed little-endian at 4 bytes per element (8 when m exceeds 32).
/// </summary>
[MessagePackObject]
public sealed record SecAggMaskedInput(
    [property: Key(0)] StudyId Study,
    [property: Key(1)] int Round,
    [property: Key(2)] SiteId Site,
    [property: Key(3)] byte[] SessionId,
    [property: Key(4)] byte[] MaskedVector) : IRoundMessage;
