using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol.Statistics;

/// <summary>
/// Coordinator → every site: the secure sum of all contributing sites' statistics (never one
/// site's), from which each site derives the same imputation values, means and deviations.
/// </summary>
[MessagePackObject]
public sealed record PooledStatistics(
    [property: Key(0)] StudyId Study,
    [property: Key(1)] int Round,
    [property: Key(2)] ulong[] Sum,
    [property: Key(3)] int ModulusBits,
    [property: Key(4)] int Contributors) : IRoundMessage;
