using System.Diagnostics;
using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Deployment;

/// <summary>
/// deploy/compose/prepare.sh run once, as a user would, into a temporary folder (OUT) instead of the
/// git-ignored deploy/compose/certs and deploy/compose/data, with the fedhealth the tests built.
/// </summary>
public sealed class PreparedFederation : IAsyncLifetime
{
    public string Folder { get; } = FedHealthProcess.TempFolder();

    public string SourceCsv { get; } = Paths.SharedData("heart-disease", "heart_disease_flamby.csv");

    public string StdErr { get; private set; } = "";

    /// <summary>Where a repository path under deploy/compose/ landed in <see cref="Folder"/>.</summary>
    public string HostPath(string repositoryPath)
    {
        Assert.True(SimFederation.IsGenerated(repositoryPath), $"{repositoryPath} is not made by prepare.sh");
        return Path.Combine(Folder, Path.GetRelativePath(SimFederation.Compose, repositoryPath));
    }

    public async Task InitializeAsync()
    {
        var fedhealth = Path.Combine(Folder, "fedhealth");
        await File.WriteAllTextAsync(fedhealth, $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "fedhealth.dll")}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fedhealth, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(Paths.RepositoryRoot, SimFederation.Compose, "prepare.sh"));
        start.ArgumentList.Add(SourceCsv);
        start.Environment["OUT"] = Folder;
        start.Environment["FEDHEALTH"] = fedhealth;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        StdErr = await stderr + await stdout;
        Assert.True(process.ExitCode == 0, $"prepare.sh failed ({process.ExitCode}): {StdErr}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
