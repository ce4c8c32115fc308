using FedHealth.Coordinator.Senders;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol.Statistics;
using FedHealth.Core.Strategy;

namespace FedHealth.Coordinator.Statistics;

/// <summary>The pooled statistics stage as the report shows it: how many sites' statistics are in the sum, who prepared with it, who failed, after how many attempts.</summary>
public sealed record StatisticsSummary(int Contributors, IReadOnlyList<SiteId> Prepared, IReadOnlyList<SiteFailure> Failures, int Attempts)
{
    /// <summary>Messages refused in the successful attempt because they named a site other than their sender's.</summary>
    public IReadOnlyList<RefusedMessage> RefusedMessages { get; init; } = [];

    /// <summary>The pooled sum released to every site (the consortium's, not any one site's): what a model's manifest records as its preprocessing.</summary>
    public PooledStatistics? Pooled { get; init; }
}
