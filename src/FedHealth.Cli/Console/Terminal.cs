using Spectre.Console;

namespace FedHealth.Cli.Console;

/// <summary>
/// stdout carries results (tables, or exactly one JSON document with --json); stderr carries
/// progress, logs and errors.
/// </summary>
internal static class Terminal
{
    /// <summary>
    /// The real stdout, captured at start-up. Everything else that writes to Console.Out (Akka's
    /// fallback logger during shutdown, libraries) is sent to stderr by <see cref="ReserveStdoutForResults"/>.
    /// </summary>
    public static TextWriter Results { get; } = System.Console.Out;

    public static IAnsiConsole Out { get; } = Create(Results, System.Console.IsOutputRedirected);

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

    public static void ReserveStdoutForResults()
    {
        _ = Results;
        System.Console.SetOut(System.Console.Error);
    }

    public static void Error(string message) =>
        Err.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
}
