namespace FedHealth.WebConsole.Studies;

/// <summary>
/// A study as the console shows it (<c>/api/studies</c>): its state (<c>waiting</c> for sites,
/// <c>running</c>, or how it ended), rounds done and planned, and the privacy spent against its budget.
/// </summary>
/// <param name="EpsilonSpent">The larger of the cumulative record- and site-level ε; null without DP.</param>
public sealed record StudyView(
    string Study,
    string State,
    string? Reason,
    int RoundsPlanned,
    int RoundsDone,
    int? CurrentRound,
    int MinSites,
    double? EpsilonBudget,
    double? EpsilonSpent,
    DateTimeOffset OpenedAt,
    DateTimeOffset? FinishedAt)
{
    public const string Waiting = "waiting";
    public const string Running = "running";
}
