using System.CommandLine;
using FedHealth.Audit.Export;
using FedHealth.Cli.Console;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Audit;

/// <summary><c>fedhealth audit export --config c.json|--state DIR --out audit.jsonl</c>: a self-contained copy of a service's trail.</summary>
internal static class AuditExportCommand
{
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "The service's coordinator.json or node.json" };
        var state = new Option<string?>("--state") { Description = "The service's state directory (instead of --config)" };
        var output = new Option<string>("--out") { Description = "The export to write (JSON lines)", Required = true };
        var command = new Command("export", "Write a service's audit trail as JSON lines, with the keys and certificates that verify it") { config, state, output };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            _ => Task.FromResult(Export(parse.GetValue(config), parse.GetValue(state), parse.GetValue(output)!)), cancellationToken));
        return command;
    }

    private static int Export(string? configPath, string? stateDirectory, string output)
    {
        var entries = AuditSource.Live(AuditSource.StateDirectory(configPath, stateDirectory));
        var path = Path.GetFullPath(output);
        if (Path.GetDirectoryName(path) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        using (var writer = new StreamWriter(path, append: false))
        {
            AuditJsonl.Write(entries, writer);
        }

        Terminal.Err.WriteLine($"{entries.Count} entries of {(entries.Count > 0 ? entries[0].Service : "an empty trail")} written to {path}");
        return ExitCodes.Success;
    }
}
