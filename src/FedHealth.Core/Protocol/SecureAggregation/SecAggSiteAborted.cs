using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol.SecureAggregation;

/// <summary>
/// Site → coordinator: the site refused to go on with the session because a guard fired
/// (<see cref="Guard"/> names it). It reveals nothing further in this session.
/// </summary>
[MessagePackObject]
public sealed record SecAggSiteAborted(
    [property: Key(0)] StudyId Study,
    [property: Key(1)] int Round,
    [property: Key(2)] SiteId Site,
    [property: Key(3)] SecAggStage Stage,
    [property: Key(4)] string Guard,
    [property: Key(5)] string Reason) : ISiteMessage;
