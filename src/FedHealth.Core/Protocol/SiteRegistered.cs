using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol;

/// <summary>
/// The registry's acknowledgement of <see cref="RegisterSite"/>. <see cref="PooledStatistics"/>
/// tells the site whether the study standardises with statistics pooled over all sites (then it
/// waits for them) or with each site's own (then it prepares its rows now).
/// </summary>
[MessagePackObject]
public sealed record SiteRegistered(
    [property: Key(0)] SiteId Site,
    [property: Key(1)] bool PooledStatistics = false) : IProtocolMessage;
