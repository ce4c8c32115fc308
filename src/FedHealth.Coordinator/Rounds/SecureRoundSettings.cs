using FedHealth.Core.Ids;
using FedHealth.Core.Options;

namespace FedHealth.Coordinator.Rounds;

/// <summary>How a round runs secure aggregation: options, the sites' enrolled signing keys, weighting.</summary>
public sealed record SecureRoundSettings(
    SecureAggregationOptions Options,
    IReadOnlyDictionary<SiteId, byte[]> EnrolledKeys,
    bool UnitWeights);
