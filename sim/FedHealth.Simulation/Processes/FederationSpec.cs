using System.Text.Json.Nodes;

namespace FedHealth.Simulation.Processes;

/// <summary>
/// A federation of separate processes on this machine: the program to run, a work folder of its
/// own (PKI, configurations, logs, the coordinator's output), the sites, the <c>Study</c> section
/// in the keys of docs/configuration.md and the consortium's <c>Schema</c>.
/// </summary>
public sealed record FederationSpec(
    FedHealthExecutable Executable,
    string WorkFolder,
    IReadOnlyList<FederationSite> Sites,
    JsonObject Study,
    FederationSchema Schema)
{
    public FederationOptions Options { get; init; } = new();
}
