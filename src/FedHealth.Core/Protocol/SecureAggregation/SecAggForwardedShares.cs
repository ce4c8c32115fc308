using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol.SecureAggregation;

/// <summary>
/// Coordinator → one site: the encrypted shares its neighbours addressed to it. Its senders are the
/// neighbours that completed key sharing, with whom the site masks its input.
/// </summary>
[MessagePackObject]
public sealed record SecAggForwardedShares(
    [property: Key(0)] StudyId Study,
    [property: Key(1)] int Round,
    [property: Key(2)] SiteId Recipient,
    [property: Key(3)] byte[] SessionId,
    [property: Key(4)] IReadOnlyList<SecAggEncryptedShare> Shares) : IRoundMessage;
