using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace FedHealth.Cli.Commands.Services;

/// <summary>
/// The services' help: <c>coordinator</c> and <c>node</c> take configuration overrides after
/// <c>--config</c>, which the parser's default help would call "arguments passed to the
/// application" under an unbalanced usage line. Every other command keeps the default help.
/// </summary>
internal sealed class ServiceHelp(HelpAction fallback) : SynchronousCommandLineAction
{
    public static void Apply(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (root.Options.OfType<HelpOption>().FirstOrDefault() is { Action: HelpAction help } option)
        {
            option.Action = new ServiceHelp(help);
        }
    }

    /// <summary>Help is shown even when the command line is incomplete (no <c>--config</c>).</summary>
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var command = parseResult.CommandResult.Command;
        if (command.TreatUnmatchedTokensAsErrors)
        {
            return fallback.Invoke(parseResult);
        }

        var output = parseResult.InvocationConfiguration.Output;
        var path = string.Join(' ', Path(command));
        var example = path.StartsWith("node", StringComparison.Ordinal) ? "--Node:Bind:Port 7101" : "--Coordinator:Bind:Port 7100";
        output.WriteLine("Description:");
        output.WriteLine($"  {command.Description}");
        output.WriteLine();
        output.WriteLine("Usage:");
        output.WriteLine($"  fedhealth {path} --config <file> [--<Section>:<Key> <value>]...");
        foreach (var sub in command.Subcommands)
        {
            output.WriteLine($"  fedhealth {path} {sub.Name} --config <file>");
        }

        output.WriteLine();
        output.WriteLine("Options:");
        foreach (var option in command.Options.Where(o => o is not HelpOption))
        {
            var name = option.Name == "--config" ? "--config <file>" : option.Name;
            Row(output, option.Required ? $"{name} (REQUIRED)" : name, option.Description);
        }

        Row(output, "--<Section>:<Key> <value>", $"Overrides one key of the configuration after the file is read, e.g. {example}; an unknown key is refused by name");
        Row(output, "-?, -h, --help", "Show this help");
        if (command.Subcommands.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Commands:");
            foreach (var sub in command.Subcommands)
            {
                Row(output, sub.Name, sub.Description);
            }
        }

        return 0;
    }

    private static IEnumerable<string> Path(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command { } current and not RootCommand; symbol = current.Parents.FirstOrDefault())
        {
            names.Insert(0, current.Name);
        }

        return names;
    }

    private static void Row(TextWriter output, string left, string? description) => output.WriteLine($"  {left,-28} {description}");
}
