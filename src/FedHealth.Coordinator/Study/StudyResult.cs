using FedHealth.Coordinator.Privacy;
using FedHealth.Coordinator.Rounds;
using FedHealth.Coordinator.Statistics;
using FedHealth.Core.Ids;
using FedHealth.Core.Strategy;
using FedHealth.Core.Weights;

namespace FedHealth.Coordinator.Study;

/// <summary>The outcome of a whole study: every round, the final model and its last evaluation.</summary>
public sealed record StudyResult(
    StudyId Study,
    string Status,
    string? Reason,
    IReadOnlyList<RoundRecord> Rounds,
    ModelWeights FinalWeights,
    AggregateEvaluateOutcome? FinalEvaluation)
{
    /// <summary>The cumulative privacy spent by the whole study; null without DP.</summary>
    public PrivacySpent? Privacy { get; init; }

    /// <summary>The model round 1 started from: the root of the lineage.</summary>
    public ModelWeights? InitialWeights { get; init; }

    /// <summary>How the pooled feature statistics were obtained; null when each site used its own.</summary>
    public StatisticsSummary? Statistics { get; init; }
}
