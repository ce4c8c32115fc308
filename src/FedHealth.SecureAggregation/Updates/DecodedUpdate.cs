using FedHealth.Privacy.Distributed;

namespace FedHealth.SecureAggregation.Updates;

/// <summary>
/// What a secure sum of updates decodes to: the mean update over the contributors, the total weight
/// behind it (example counts, or the number of sites under unit weights and distributed DP), and,
/// under distributed DP, the plan whose noise the sum holds.
/// </summary>
public sealed record DecodedUpdate(float[] Mean, long TotalWeight, DistributedDpPlan? Distributed);
