using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol.Statistics;

/// <summary>Site → coordinator: the site has prepared its rows with the pooled statistics and can train.</summary>
[MessagePackObject]
public sealed record StatisticsApplied(
    [property: Key(0)] StudyId Study,
    [property: Key(1)] int Round,
    [property: Key(2)] SiteId Site) : ISiteMessage;
