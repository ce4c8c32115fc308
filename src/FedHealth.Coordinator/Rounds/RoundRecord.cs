using FedHealth.Coordinator.Privacy;
using FedHealth.Coordinator.Senders;
using FedHealth.Core.Ids;
using FedHealth.Core.Strategy;

namespace FedHealth.Coordinator.Rounds;

/// <summary>What happened in one round: who was asked, who delivered, what the model scored.</summary>
public sealed record RoundRecord(
    int Round,
    IReadOnlyList<SiteId> SitesSampled,
    IReadOnlyList<SiteId> SitesSucceeded,
    IReadOnlyList<SiteFailure> Failures,
    bool ModelUpdated,
    string? AbortReason,
    double TrainLoss,
    AggregateEvaluateOutcome? Evaluation,
    double DurationMilliseconds,
    double SlowestSiteTrainMilliseconds,
    double TotalSiteTrainMilliseconds,
    string ModelHash)
{
    /// <summary>Cumulative privacy spent once this round's model was released; null without DP.</summary>
    public PrivacySpent? Privacy { get; init; }

    /// <summary>Whether the update went through secure aggregation.</summary>
    public bool SecureAggregation { get; init; }

    /// <summary>Sites that vanished or refused during the secure-aggregation stages, with the stage.</summary>
    public IReadOnlyList<SiteFailure> Dropouts { get; init; } = [];

    /// <summary>Messages refused because they named a site other than their sender's (attempted impersonation), by kind.</summary>
    public IReadOnlyList<RefusedMessage> RefusedMessages { get; init; } = [];

    /// <summary>The distributed-DP noise in the released sum (site-level DP under secure aggregation); null otherwise.</summary>
    public DistributedNoiseUsed? DistributedNoise { get; init; }
}
