using System.Diagnostics;
using System.Text.Json.Nodes;
using FedHealth.Cli.Console;

namespace FedHealth.Cli.Commands.Bench;

/// <summary>
/// One chaos run: a reference study run once without interruption, then the same study on a
/// fresh state killed with SIGKILL at random moments and started again with the same flags each
/// time, until it completes. The outcome counts what a crash may not do: lose or repeat a round,
/// change the model, or spend less ε than the uninterrupted run recorded.
/// </summary>
internal sealed class ChaosRun(string folder, IReadOnlyList<string> studyArgs, Func<string, IReadOnlyList<string>> stateArgs, int seed)
{
    private static readonly TimeSpan MinimumDelay = TimeSpan.FromMilliseconds(300);

    public ChaosOutcome Run(int kills)
    {
        var reference = RunToEnd("reference", out var referenceTime);
        var random = new Random(seed);
        var killed = 0;
        var resumed = 0;
        var restarts = new List<double>();
        JsonObject? final = null;
        while (final is null)
        {
            var restart = killed > 0;
            var clock = Stopwatch.StartNew();
            using var process = Start("chaos");
            var output = new System.Text.StringBuilder();
            var firstRound = FirstRoundLine(process, clock, output);
            if (killed < kills)
            {
                var delay = MinimumDelay + ((referenceTime - MinimumDelay) * random.NextDouble());
                if (!process.WaitForExit(delay > MinimumDelay ? delay : MinimumDelay))
                {
                    process.Kill();
                    process.WaitForExit();
                    killed++;
                    if (File.Exists(ReportPath("chaos")))
                    {
                        // Killed after it had written its report: the study is over.
                        resumed += restart ? 1 : 0;
                        final = Report("chaos");
                        break;
                    }

                    // A restart that ran until it was killed again had resumed: a refused one exits by itself.
                    resumed += restart ? 1 : 0;
                    Record(restarts, firstRound, restart);
                    continue;
                }
            }

            process.WaitForExit();
            if (process.ExitCode != ExitCodes.Success)
            {
                firstRound.Wait(TimeSpan.FromSeconds(5));
                throw new InvalidOperationException($"the chaos run exited with {process.ExitCode} after {killed} kills: {output.ToString().Trim()}");
            }

            resumed += restart ? 1 : 0;
            Record(restarts, firstRound, restart);
            final = Report("chaos");
        }

        return ChaosOutcome.Compare(reference, final, killed, resumed, restarts);
    }

    private static void Record(List<double> restarts, Task<double?> firstRound, bool restart)
    {
        if (restart && firstRound.Wait(TimeSpan.FromSeconds(1)) && firstRound.Result is { } ms)
        {
            restarts.Add(ms);
        }
    }

    /// <summary>Milliseconds from the process start to its first progress line (a round finished), or null when it printed none.</summary>
    private static Task<double?> FirstRoundLine(Process process, Stopwatch clock, System.Text.StringBuilder output) => Task.Run(() =>
    {
        double? first = null;
        while (process.StandardError.ReadLine() is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }

            if (first is null && line.TrimStart().StartsWith("round ", StringComparison.Ordinal))
            {
                first = clock.Elapsed.TotalMilliseconds;
            }
        }

        return first;
    });

    private JsonObject RunToEnd(string name, out TimeSpan elapsed)
    {
        var clock = Stopwatch.StartNew();
        using var process = Start(name);
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        elapsed = clock.Elapsed;
        if (process.ExitCode != ExitCodes.Success)
        {
            throw new InvalidOperationException($"the reference run exited with {process.ExitCode}: {errors.Result}");
        }

        return Report(name);
    }

    private string ReportPath(string name) => Path.Combine(folder, name, "out", "report.json");

    private JsonObject Report(string name) => JsonNode.Parse(File.ReadAllText(ReportPath(name)))!.AsObject();

    private Process Start(string name)
    {
        var self = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(self) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChaosRun).Assembly.Location);
        }

        foreach (var arg in studyArgs.Concat(["--out", Path.Combine(folder, name, "out")]).Concat(stateArgs(name)))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start fedhealth");
        // The bench prints only its own result: each run's summary is drained, its report.json read.
        _ = process.StandardOutput.ReadToEndAsync();
        return process;
    }
}
