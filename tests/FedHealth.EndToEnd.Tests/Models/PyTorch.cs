using System.Diagnostics;

namespace FedHealth.EndToEnd.Tests.Models;

/// <summary>Runs Debian's python3 with python3-torch (installed by .ci/run); never skips when it is missing.</summary>
internal static class PyTorch
{
    public static string Script { get; } = Path.Combine(AppContext.BaseDirectory, "Models", "pytorch_predict.py");

    /// <summary>FEDHEALTH_PYTHON, else Debian's /usr/bin/python3 (where apt installs torch), else python3 on the PATH.</summary>
    public static string Python { get; } =
        Environment.GetEnvironmentVariable("FEDHEALTH_PYTHON") is { Length: > 0 } configured ? configured
        : File.Exists("/usr/bin/python3") ? "/usr/bin/python3"
        : "python3";

    public static async Task<string> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"{Python} cannot be started ({e.Message}): install python3 and python3-torch (.ci/run does: apt-get install -y python3-torch).");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0,
                $"PyTorch scoring failed (exit {process.ExitCode}; is python3-torch installed for {Python}?): {await stderr}");
            return await stdout;
        }
    }
}
