namespace FedHealth.Simulation.Processes;

/// <summary>One line a federation process wrote, or a note the launcher made about it (start, exit, kill).</summary>
/// <param name="SiteId">The node's site, or null for the coordinator.</param>
/// <param name="StandardError">The line came from stderr (the services log there).</param>
/// <param name="FromLauncher">A note of the launcher's own (<c>started</c>, <c>exited with code N</c>, <c>killed</c>), not the process's output.</param>
public sealed record ProcessLine(string? SiteId, bool StandardError, string Text, DateTimeOffset At, bool FromLauncher = false)
{
    public bool IsCoordinator => SiteId is null;

    /// <summary>"coordinator" or "node &lt;site&gt;", for messages.</summary>
    public string Source => SiteId is null ? "coordinator" : $"node {SiteId}";

    public override string ToString() => $"{Source} | {Text}";
}
