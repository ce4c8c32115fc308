using FedHealth.Core.Ids;

namespace FedHealth.Core.Strategy;

/// <summary>
/// What secure aggregation releases: the weighted mean of the sites' updates Δ = w_site − w_global
/// and the total weight — never one site's update or weight.
/// </summary>
public sealed record SecureSum(float[] MeanUpdate, long TotalWeight, IReadOnlyList<SiteId> Contributors);
