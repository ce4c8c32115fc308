using Spectre.Console;

namespace FedHealth.Cli.Console;

/// <summary>
/// stdout carries results (tables, or exactly one JSON document with --json); stderr carries
/// progress, logs and errors.
/// </summary>
internal static class Terminal
{
    public static IAnsiConsole Out { get; } = Create(System.Console.Out, System.Console.IsOutputRedirected);

    public static IAnsiConsole Err { get; } = Create(System.Console.Error, System.Console.IsErrorRedirected);

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            // Files and pipes have no width; tables would otherwise wrap at 80 columns.
            console.Profile.Width = 120;
        }

        return console;
    }

    public static void Error(string message) =>
        Err.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
}
