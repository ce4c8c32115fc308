using System.CommandLine;
using FedHealth.Cli.Console;

namespace FedHealth.Cli.Commands.Node;

/// <summary><c>fedhealth node --config node.json [--Key:Path value …]</c> and <c>fedhealth node ledger</c> (docs/configuration.md).</summary>
internal static class NodeCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "The node's JSON configuration (docs/configuration.md)", Required = true };
        var command = new Command("node", "Run a hospital's node service: connect to the coordinator with mutual TLS and train when asked")
        {
            config,
            NodeLedgerCommand.Create(),
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            ct => NodeRunner.RunAsync(parse.GetValue(config)!, parse.UnmatchedTokens, ct), cancellationToken));
        return command;
    }
}
