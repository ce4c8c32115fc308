namespace FedHealth.Cli.Commands.Node;

/// <summary><c>Node:State</c>: where the site keeps what must survive a restart (its privacy ledger).</summary>
internal sealed class NodeStateSection
{
    public const string DefaultFolder = "node-state";

    /// <summary>The state directory; relative to the node's configuration file; default <c>node-state</c> beside it.</summary>
    public string? Directory { get; set; }

    public string Resolve(string configPath) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath))!, string.IsNullOrWhiteSpace(Directory) ? DefaultFolder : Directory));
}
