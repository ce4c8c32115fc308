namespace FedHealth.Cli.Commands.Coordinator;

/// <summary><c>Coordinator:Audit</c>: where the coordinator keeps its audit trail (and its audit signing key) across runs.</summary>
internal sealed class CoordinatorAuditSection
{
    public const string DefaultFolder = "coordinator-state";

    /// <summary>The state directory; relative to the configuration file; default <c>coordinator-state</c> beside it.</summary>
    public string? Directory { get; set; }

    public string Resolve(string configPath) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath))!, string.IsNullOrWhiteSpace(Directory) ? DefaultFolder : Directory));
}
