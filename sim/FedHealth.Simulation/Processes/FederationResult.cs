using System.Text.Json.Nodes;

namespace FedHealth.Simulation.Processes;

/// <summary>How the coordinator ended and what it wrote.</summary>
/// <param name="ExitCode">The coordinator's exit code; null when it was stopped after <see cref="TimedOut"/>.</param>
/// <param name="Report">report.json from <c>Coordinator.Output</c>, if the coordinator wrote one.</param>
public sealed record FederationResult(
    int? ExitCode,
    bool TimedOut,
    JsonObject? Report,
    string ReportPath,
    string? LedgerPath,
    string CoordinatorLog)
{
    /// <summary>The report's <c>status</c>: <c>completed</c>, <c>budget_exhausted</c>, <c>failed</c>; null without a report.</summary>
    public string? Status => Report?["status"]?.GetValue<string>();
}
