using System.Diagnostics;
using System.Globalization;

namespace FedHealth.Simulation.Processes;

/// <summary>
/// One running coordinator or node: its stdout and stderr go line by line to its log file and to
/// the federation's <see cref="FederationLog"/>; stopping it takes its whole process tree.
/// </summary>
internal sealed class FederationProcess : IDisposable
{
    /// <summary>Environment variables a child must not inherit: they would override its configuration file or share a log file.</summary>
    private const string ConfigurationPrefix = "FEDHEALTH__";
    private const string LogFileVariable = "FEDHEALTH_LOG_FILE";

    private readonly Process _process;
    private readonly string? _siteId;
    private readonly FederationLog _sink;
    private readonly Lock _logGate = new();
    private readonly StreamWriter _log;
    private bool _logClosed;
    private volatile bool _stopping;

    private FederationProcess(Process process, string? siteId, FederationLog sink, StreamWriter log)
    {
        _process = process;
        _siteId = siteId;
        _sink = sink;
        _log = log;
        Id = process.Id;
        Exited = WatchAsync();
    }

    public int Id { get; }

    /// <summary>Completes once the process has exited and its output is drained.</summary>
    public Task Exited { get; }

    public bool HasExited => Exited.IsCompleted;

    public int? ExitCode => HasExited ? _process.ExitCode : null;

    public static FederationProcess Start(
        FedHealthExecutable executable,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        string logPath,
        string? siteId,
        FederationLog sink)
    {
        var start = executable.StartInfo(arguments, workingDirectory);
        foreach (var key in start.Environment.Keys.Where(IsInheritedConfiguration).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        FederationProcess? started = null;
        process.OutputDataReceived += (_, e) => started?.OnLine(e.Data, standardError: false);
        process.ErrorDataReceived += (_, e) => started?.OnLine(e.Data, standardError: true);
        try
        {
            process.Start();
        }
        catch
        {
            log.Dispose();
            process.Dispose();
            throw;
        }

        started = new FederationProcess(process, siteId, sink, log);
        started.Note(string.Create(CultureInfo.InvariantCulture, $"started (pid {process.Id}): {executable} {string.Join(' ', arguments)}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>SIGTERM, up to <paramref name="grace"/> to exit (the services save what they have), then the whole tree is killed.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (HasExited)
        {
            return;
        }

        _stopping = true;
        var descendants = ProcessTree.DescendantsOf(Id);
        if (grace > TimeSpan.Zero && ProcessTree.Terminate(_process))
        {
            await Task.WhenAny(Exited, Task.Delay(grace)).ConfigureAwait(false);
        }

        ProcessTree.KillAll(_process, descendants);
        await Task.WhenAny(Exited, Task.Delay(TimeSpan.FromSeconds(10))).ConfigureAwait(false);
    }

    /// <summary>Kills the process and its tree at once, as a crash would.</summary>
    public void Kill()
    {
        if (HasExited)
        {
            return;
        }

        _stopping = true;
        Note("killed by the launcher");
        ProcessTree.KillAll(_process, ProcessTree.DescendantsOf(Id));
    }

    public void Dispose()
    {
        Kill();
        Exited.Wait(TimeSpan.FromSeconds(10));
        CloseLog();
        _process.Dispose();
    }

    private static bool IsInheritedConfiguration(string key) =>
        key.StartsWith(ConfigurationPrefix, StringComparison.OrdinalIgnoreCase) || string.Equals(key, LogFileVariable, StringComparison.OrdinalIgnoreCase);

    private async Task WatchAsync()
    {
        await _process.WaitForExitAsync().ConfigureAwait(false);
        var by = _stopping ? " (stopped by the launcher)" : string.Empty;
        Note(string.Create(CultureInfo.InvariantCulture, $"exited with code {_process.ExitCode}{by}"));
        CloseLog();
    }

    private void OnLine(string? text, bool standardError)
    {
        if (text is null)
        {
            return;
        }

        Write(text);
        _sink.Add(new ProcessLine(_siteId, standardError, text, DateTimeOffset.UtcNow));
    }

    private void Note(string text)
    {
        Write("# launcher: " + text);
        _sink.Add(new ProcessLine(_siteId, StandardError: false, text, DateTimeOffset.UtcNow, FromLauncher: true));
    }

    private void Write(string text)
    {
        lock (_logGate)
        {
            if (!_logClosed)
            {
                _log.WriteLine(text);
            }
        }
    }

    private void CloseLog()
    {
        lock (_logGate)
        {
            if (!_logClosed)
            {
                _logClosed = true;
                _log.Dispose();
            }
        }
    }
}
