using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol.SecureAggregation;

/// <summary>
/// Coordinator → every site whose masked input arrived: who survived. Each site signs the list it
/// received, and unmasks only once enough neighbours have signed the very same list.
/// </summary>
[MessagePackObject]
public sealed record SecAggSurvivors(
    [property: Key(0)] StudyId Study,
    [property: Key(1)] int Round,
    [property: Key(2)] byte[] SessionId,
    [property: Key(3)] IReadOnlyList<SiteId> Survivors) : IRoundMessage;
