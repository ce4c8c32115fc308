using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol.SecureAggregation;

/// <summary>Site → coordinator (stage <see cref="SecAggStage.ConsistencyCheck"/>): the site's signature over the survivor list it saw.</summary>
[MessagePackObject]
public sealed record SecAggSurvivorsSignature(
    [property: Key(0)] StudyId Study,
    [property: Key(1)] int Round,
    [property: Key(2)] SiteId Site,
    [property: Key(3)] byte[] SessionId,
    [property: Key(4)] byte[] Signature) : ISiteMessage;
