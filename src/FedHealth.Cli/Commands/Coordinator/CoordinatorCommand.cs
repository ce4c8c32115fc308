using System.CommandLine;
using FedHealth.Cli.Console;

namespace FedHealth.Cli.Commands.Coordinator;

/// <summary><c>fedhealth coordinator --config coordinator.json [--Key:Path value …]</c> (docs/configuration.md).</summary>
internal static class CoordinatorCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "The coordinator's JSON configuration (docs/configuration.md)", Required = true };
        var command = new Command("coordinator", "Run the coordinator service: listen with mutual TLS, run the study, write report.json")
        {
            config,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            ct => CoordinatorRunner.RunAsync(parse.GetValue(config)!, parse.UnmatchedTokens, ct), cancellationToken));
        return command;
    }
}
