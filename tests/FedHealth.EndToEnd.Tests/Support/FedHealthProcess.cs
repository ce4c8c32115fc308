using System.Diagnostics;
using System.Text.Json.Nodes;

namespace FedHealth.EndToEnd.Tests.Support;

/// <summary>Runs the real `fedhealth` program as a separate process, as a user would.</summary>
internal static class FedHealthProcess
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        public JsonObject Json => JsonNode.Parse(StdOut)!.AsObject();

        /// <summary>A user error: non-zero exit, the problem named on stderr, no stack trace, nothing on stdout.</summary>
        public void AssertRefusedWith(string expected)
        {
            Assert.True(ExitCode != 0, $"exit code 0; stdout: {StdOut}");
            Assert.Contains(expected, StdErr, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("   at ", StdErr, StringComparison.Ordinal);
            Assert.Empty(StdOut.Trim());
        }
    }

    public static Task<Result> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <param name="environment">Variables set for the process on top of the inherited ones.</param>
    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "fedhealth.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "fedhealth-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static string WriteCsv(string content)
    {
        var path = Path.Combine(TempFolder(), "data.csv");
        File.WriteAllText(path, content);
        return path;
    }
}
