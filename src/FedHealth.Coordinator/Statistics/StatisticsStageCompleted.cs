using Akka.Actor;
using FedHealth.Core.Protocol.Statistics;

namespace FedHealth.Coordinator.Statistics;

/// <summary>
/// The statistics stage → the study, once: how the statistics were pooled, the pooled sum (for
/// sites that join later), the nodes that prepared their rows with it; or why no attempt succeeded.
/// </summary>
public sealed record StatisticsStageCompleted(
    StatisticsSummary? Summary,
    PooledStatistics? Pooled,
    IReadOnlyList<IActorRef> PreparedNodes,
    string? FailureReason) : INoSerializationVerificationNeeded;
