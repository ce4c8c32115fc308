using System.Text.RegularExpressions;

namespace FedHealth.Simulation.Processes;

/// <summary>Predicates for <see cref="LocalFederation.WaitForLineAsync"/> over the services' log lines (docs/simulation.md lists them).</summary>
public static partial class FederationLogPatterns
{
    /// <summary>The coordinator's "round N started" line (the study logs "round N of M started with K connected sites").</summary>
    public static Func<ProcessLine, bool> RoundStarted(int round)
    {
        var pattern = new Regex($@"\bround {round}( of \d+)? started\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return line => line.IsCoordinator && !line.FromLauncher && pattern.IsMatch(line.Text);
    }

    /// <summary>
    /// The coordinator's "coordinator listening on …" line, written once its TLS listener is bound:
    /// the launcher's readiness signal. Nothing connects to find out, so the coordinator never logs
    /// a failed TLS handshake that the launcher caused (which would teach operators to ignore it).
    /// </summary>
    public static Func<ProcessLine, bool> CoordinatorListening { get; } =
        line => line.IsCoordinator && !line.FromLauncher && line.Text.StartsWith("coordinator listening on ", StringComparison.Ordinal);

    /// <summary>The coordinator's line that the study ended (completed, budget exhausted or failed).</summary>
    public static Func<ProcessLine, bool> StudyEnded { get; } = line => line.IsCoordinator && !line.FromLauncher && StudyEndedPattern().IsMatch(line.Text);

    /// <summary>A line from the coordinator containing <paramref name="text"/> (case-insensitive), e.g. a rejection reason.</summary>
    public static Func<ProcessLine, bool> CoordinatorSays(string text) =>
        line => line.IsCoordinator && !line.FromLauncher && line.Text.Contains(text, StringComparison.OrdinalIgnoreCase);

    /// <summary>The launcher's note that a process exited (any code).</summary>
    public static Func<ProcessLine, bool> Exited(string? siteId) =>
        line => line.FromLauncher && line.SiteId == siteId && line.Text.StartsWith("exited", StringComparison.Ordinal);

    [GeneratedRegex(@"\bstudy\b.*\bended\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StudyEndedPattern();
}
