using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol.SecureAggregation;

/// <summary>Coordinator → every site that advertised: all advertised keys (the session id is their hash).</summary>
[MessagePackObject]
public sealed record SecAggKeysBroadcast(
    [property: Key(0)] StudyId Study,
    [property: Key(1)] int Round,
    [property: Key(2)] IReadOnlyList<SecAggAdvertiseKeys> Keys) : IRoundMessage;
