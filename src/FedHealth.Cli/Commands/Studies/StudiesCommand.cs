using System.CommandLine;
using FedHealth.Cli.Console;

namespace FedHealth.Cli.Commands.Studies;

/// <summary><c>fedhealth studies list|show</c>: the studies a coordinator's state holds, finished or not (docs/durability.md).</summary>
internal static class StudiesCommand
{
    public static Command Create()
    {
        var command = new Command("studies", "List or show the studies a coordinator's state holds (finished ones included)");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        return command;
    }

    private static Command List()
    {
        var (state, config, json) = Options();
        var command = new Command("list", "One line per study: status, rounds committed, ε, last model") { state, config, json };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            async ct => StudiesOutput.List(await StudiesReader.ReadAsync(parse.GetValue(state), parse.GetValue(config), ct).ConfigureAwait(false), parse.GetValue(json)),
            cancellationToken));
        return command;
    }

    private static Command Show()
    {
        var (state, config, json) = Options();
        var id = new Argument<string>("study") { Description = "The study id (Study:Id)" };
        var command = new Command("show", "Every round of one study: sampled and succeeded sites, failures, metrics, ε, model hash") { id, state, config, json };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(
            async ct => StudiesOutput.Show(
                await StudiesReader.ReadAsync(parse.GetValue(state), parse.GetValue(config), ct).ConfigureAwait(false), parse.GetValue(id)!, parse.GetValue(json)),
            cancellationToken));
        return command;
    }

    private static (Option<string?> State, Option<string?> Config, Option<bool> Json) Options() => (
        new Option<string?>("--state") { Description = "A state directory (SQLite): a coordinator's Coordinator:State:Directory or sim's --state" },
        new Option<string?>("--config") { Description = "A coordinator.json: read the state it names (Coordinator:State)" },
        new Option<bool>("--json") { Description = "Print JSON on stdout and nothing else there" });
}
