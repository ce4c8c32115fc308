using Akka.Actor;
using FedHealth.Coordinator.Senders;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol.Statistics;
using FedHealth.Core.Strategy;

namespace FedHealth.Coordinator.Statistics;

/// <summary>
/// Statistics child → study: whether the pooled statistics reached the sites. <see cref="Prepared"/>
/// are the sites that prepared their rows with them; <see cref="FailureReason"/> is set when the
/// attempt released nothing. <see cref="Pooled"/> is what was sent, for sites that join later.
/// </summary>
public sealed record StatisticsCompleted(
    int Session,
    int Contributors,
    IReadOnlyList<SiteId> Prepared,
    IReadOnlyList<SiteFailure> Failures,
    string? FailureReason,
    PooledStatistics? Pooled = null) : INoSerializationVerificationNeeded
{
    public bool Succeeded => FailureReason is null;

    /// <summary>Messages refused because they named a site other than their sender's.</summary>
    public IReadOnlyList<RefusedMessage> RefusedMessages { get; init; } = [];
}
