namespace FedHealth.WebConsole.Studies;

/// <summary>One round as the console shows it; <see cref="State"/> is <c>running</c>, <c>committed</c> or <c>aborted</c>.</summary>
/// <param name="EpsilonRecord">Cumulative record-level ε once this round's model was released; null without record-level DP.</param>
/// <param name="EpsilonSite">Cumulative site-level ε once this round's model was released; null without site-level DP.</param>
public sealed record RoundView(
    int Round,
    string State,
    int SitesConnected,
    int SitesSampled,
    int SitesSucceeded,
    IReadOnlyList<DroppedSite> Dropped,
    bool SecureAggregation,
    double? Auc,
    double? Accuracy,
    double? Loss,
    double? EpsilonRecord,
    double? EpsilonSite,
    double? DurationMs,
    string? AbortReason,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt)
{
    public const string Running = "running";
    public const string Committed = "committed";
    public const string Aborted = "aborted";
}
