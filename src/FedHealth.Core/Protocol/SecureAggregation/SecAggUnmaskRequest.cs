using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol.SecureAggregation;

/// <summary>
/// Coordinator → one surviving site: its neighbours' signatures over the survivor list, and the
/// signed mask sets of its surviving neighbours.
/// </summary>
[MessagePackObject]
public sealed record SecAggUnmaskRequest(
    [property: Key(0)] StudyId Study,
    [property: Key(1)] int Round,
    [property: Key(2)] SiteId Recipient,
    [property: Key(3)] byte[] SessionId,
    [property: Key(4)] IReadOnlyList<SecAggSurvivorsSignature> Signatures,
    [property: Key(5)] IReadOnlyList<SecAggMaskSet> MaskSets) : IRoundMessage;
