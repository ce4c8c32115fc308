using System.Diagnostics;
using System.Reflection;

namespace FedHealth.Simulation.Processes;

/// <summary>
/// How to start the <c>fedhealth</c> program: the native executable, or <c>dotnet</c> with
/// <c>fedhealth.dll</c> as its first argument.
/// </summary>
public sealed record FedHealthExecutable(string FileName, IReadOnlyList<string> LeadingArguments)
{
    public static FedHealthExecutable Native(string path) => new(Path.GetFullPath(path), []);

    public static FedHealthExecutable Dotnet(string dllPath, string dotnet = "dotnet") => new(dotnet, [Path.GetFullPath(dllPath)]);

    /// <summary>The program that is running now: its executable, or <c>dotnet</c> and the entry assembly when run as <c>dotnet fedhealth.dll</c>.</summary>
    public static FedHealthExecutable Current()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("The path of the running program is unknown.");
        if (!string.Equals(Path.GetFileNameWithoutExtension(process), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return Native(process);
        }

        var entry = Assembly.GetEntryAssembly()?.Location;
        return string.IsNullOrEmpty(entry)
            ? throw new InvalidOperationException("Running under dotnet, but the entry assembly's path is unknown.")
            : Dotnet(entry, process);
    }

    internal ProcessStartInfo StartInfo(IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in LeadingArguments.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    public override string ToString() => string.Join(' ', [FileName, .. LeadingArguments]);
}
