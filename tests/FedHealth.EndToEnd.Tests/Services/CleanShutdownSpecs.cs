using System.Diagnostics;
using FedHealth.Simulation.Processes;
using static FedHealth.EndToEnd.Tests.Federation.FederationFixtures;

namespace FedHealth.EndToEnd.Tests.Services;

/// <summary>
/// SIGTERM during local training: the training stops at a step boundary and frees its TorchSharp
/// state on its own thread, the service keeps what it must, and the process exits 0 (it used to
/// die with a segmentation fault, exit 139).
/// </summary>
[Collection(FedHealth.EndToEnd.Tests.Federation.LocalFederationCollection.Name)]
public sealed class CleanShutdownSpecs
{
    private static readonly TimeSpan LineTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_node_stopped_with_SIGTERM_while_it_trains_exits_0()
    {
        // Far more local steps than a round could finish before the stop arrives (the wire allows up to 1,000,000).
        var study = Study(rounds: 2, localSteps: 900_000);
        study["FitTimeoutSeconds"] = 600;
        var sites = ThreeCenters().Select(s => s with { Training = new System.Text.Json.Nodes.JsonObject { ["MaxLocalSteps"] = 1_000_000 } }).ToList();
        await using var federation = LocalFederation.Prepare(Spec(sites, study));
        await federation.StartAsync();
        await federation.WaitForLineAsync(l => l.SiteId == "0" && l.Text.Contains("training heart-processes round 1", StringComparison.Ordinal), LineTimeout);

        var exitCode = await federation.StopNodeAsync("0", TimeSpan.FromSeconds(45));

        var log = File.ReadAllText(federation.NodeLogPath("0"));
        Assert.True(exitCode == 0, $"exit code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none (killed)"}; log:\n{log}");
        Assert.DoesNotContain("Segmentation fault", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_simulator_stopped_with_SIGTERM_while_its_sites_train_exits_0()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["FEDHEALTH_LOG_LEVEL"] = "Information";
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "fedhealth.dll"), "sim", "--rounds", "2", "--local-steps", "900000", "--dp", "off",
                     "--out", Path.Combine(Support.FedHealthProcess.TempFolder(), "run") })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = new System.Text.StringBuilder();
        var training = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }

            if (e.Data?.Contains("training sim-42 round 1", StringComparison.Ordinal) == true)
            {
                training.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        await training.Task.WaitAsync(LineTimeout);

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        await stdout;

        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}; stderr:\n{stderr}");
        Assert.Contains("stopped on request", stderr.ToString(), StringComparison.Ordinal);
    }
}
