using FedHealth.Core.Ids;
using FedHealth.Privacy.Accounting;

namespace FedHealth.Privacy.Ledger;

/// <summary>
/// What a round would spend if it ran, computed before it starts. Plan the worst case the round
/// may end with: for distributed DP, the fewest survivors secure aggregation would accept.
/// </summary>
public sealed record PlannedRoundCost(int Round, RdpCurve? SiteLevel, IReadOnlyDictionary<SiteId, RdpCurve> RecordLevel)
{
    public static PlannedRoundCost SiteLevelOnly(int round, RdpCurve siteLevel) =>
        new(round, siteLevel, new Dictionary<SiteId, RdpCurve>());
}
