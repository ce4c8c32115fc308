using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using FedHealth.Pki.Passwords;

namespace FedHealth.Simulation.Processes;

/// <summary>
/// A coordinator and one node per site as separate <c>fedhealth</c> processes on the loopback
/// interface, with a throwaway PKI: what a developer runs to see the services work together, and
/// what the end-to-end tests drive. Every process it starts is stopped, with its whole process
/// tree, when the study ends, when it fails or times out, on cancellation, on disposal and when
/// this program exits.
/// </summary>
/// <remarks>
/// Work folder: <c>pki/</c> (CA, coordinator, <c>sites/&lt;id&gt;/</c>), <c>config/coordinator.json</c>
/// and <c>config/node-&lt;i&gt;.json</c>, <c>logs/</c> (one file per process, stdout and stderr),
/// <c>output/</c> (the coordinator's report.json and privacy-ledger.json).
/// </remarks>
public sealed class LocalFederation : IAsyncDisposable
{
    public const string ReportFileName = "report.json";
    public const string LedgerFileName = "privacy-ledger.json";

    private static readonly ConcurrentDictionary<LocalFederation, byte> Running = new();

    private static readonly string[] OwnFolders = ["pki", "config", "logs", "output"];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, FederationProcess> _nodes = new(StringComparer.Ordinal);
    private readonly List<FederationProcess> _retired = [];
    private readonly Dictionary<string, int> _nodePorts;
    private readonly Dictionary<string, string> _environment;
    private FederationProcess? _coordinator;
    private DateTimeOffset _deadline;
    private bool _disposed;

    static LocalFederation()
    {
        // The last line of defence: whatever happens to the caller, no process outlives this one
        // (short of SIGKILL, which runs no handler).
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var federation in Running.Keys)
            {
                federation.Kill();
            }
        };
    }

    private LocalFederation(FederationSpec spec, FederationPki pki, int coordinatorPort, Dictionary<string, int> nodePorts)
    {
        Spec = spec;
        Pki = pki;
        CoordinatorPort = coordinatorPort;
        _nodePorts = nodePorts;
        _environment = new Dictionary<string, string>(spec.Options.Environment) { ["FEDHEALTH_LOG_LEVEL"] = spec.Options.LogLevel };
    }

    public FederationSpec Spec { get; }

    public FederationPki Pki { get; }

    public FederationLog Log { get; } = new();

    public string WorkFolder => Spec.WorkFolder;

    public int CoordinatorPort { get; }

    public string CoordinatorConfigPath => Path.Combine(WorkFolder, "config", "coordinator.json");

    public string OutputFolder => Path.Combine(WorkFolder, "output");

    public string CoordinatorLogPath => Path.Combine(WorkFolder, "logs", "coordinator.log");

    public IReadOnlyList<string> SiteIds => [.. Spec.Sites.Select(s => s.Id)];

    /// <summary>The ids of every process started so far, restarted nodes' earlier ones included.</summary>
    public IReadOnlyList<int> ProcessIds
    {
        get
        {
            lock (_gate)
            {
                return [.. All().Select(p => p.Id)];
            }
        }
    }

    /// <summary>Makes the PKI, picks the ports and writes every configuration; starts nothing.</summary>
    /// <exception cref="ArgumentException">The spec is inconsistent, or the work folder already holds a federation.</exception>
    public static LocalFederation Prepare(FederationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var work = Path.GetFullPath(spec.WorkFolder);
        Validate(spec, work);
        spec = spec with { WorkFolder = work };
        Directory.CreateDirectory(work);
        var pki = FederationPki.Create(Path.Combine(work, "pki"), spec.Sites);
        var ports = FreePorts.Pick(spec.Sites.Count + 2);
        var nodePorts = spec.Sites.Select((s, i) => (s.Id, Port: ports[i + 1])).ToDictionary(p => p.Id, p => p.Port, StringComparer.Ordinal);
        var federation = new LocalFederation(spec, pki, ports[0], nodePorts);
        Directory.CreateDirectory(Path.Combine(work, "logs"));
        var coordinatorConfig = FederationConfigs.Coordinator(
            federation.CoordinatorPort, pki.Coordinator, federation.OutputFolder, spec.Options.RegistrationTimeout,
            spec.Study, spec.Sites.Select(s => s.Id), spec.Schema, (ports[^1], spec.Options.ModelTransferThresholdBytes), spec.Options.CoordinatorMetricsPort);
        if (spec.Options.CoordinatorConsolePort is { } console)
        {
            coordinatorConfig["Coordinator"]!["Console"] = new System.Text.Json.Nodes.JsonObject { ["Url"] = $"http://127.0.0.1:{console}" };
        }

        FederationConfigs.Write(federation.CoordinatorConfigPath, FederationConfigs.WithModels(coordinatorConfig, spec.Options.InitialModel, spec.Options.CheckpointEvery));
        foreach (var site in spec.Sites)
        {
            federation.WriteNodeConfig(site.Id);
        }

        return federation;
    }

    /// <summary>Prepares, starts and waits for the study; every process is stopped before this returns or throws.</summary>
    public static async Task<FederationResult> RunAsync(FederationSpec spec, CancellationToken cancellationToken = default)
    {
        var federation = Prepare(spec);
        await using (federation.ConfigureAwait(false))
        {
            await federation.StartAsync(cancellationToken).ConfigureAwait(false);
            return await federation.WaitForCompletionAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public string NodeConfigPath(string siteId) => Path.Combine(WorkFolder, "config", $"node-{IndexOf(siteId)}.json");

    public string NodeLogPath(string siteId) => Path.Combine(WorkFolder, "logs", $"node-{IndexOf(siteId)}.log");

    /// <summary>The port the node listens on now (a restart moves it to a fresh one).</summary>
    public int NodePort(string siteId)
    {
        lock (_gate)
        {
            return _nodePorts.TryGetValue(siteId, out var port) ? port : throw UnknownSite(siteId);
        }
    }

    public bool IsNodeRunning(string siteId)
    {
        lock (_gate)
        {
            return _nodes.TryGetValue(siteId, out var node) && !node.HasExited;
        }
    }

    public bool IsCoordinatorRunning => _coordinator is { HasExited: false };

    /// <summary>
    /// Starts the coordinator, waits until it accepts connections, then starts one node per site.
    /// On failure or cancellation every process started is stopped before this throws.
    /// </summary>
    /// <exception cref="FederationException">The coordinator exited first (exit code 2: it refused its configuration) or never listened.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_coordinator is not null)
            {
                throw new InvalidOperationException("The federation has already been started.");
            }

            _deadline = DateTimeOffset.UtcNow + Spec.Options.Timeout;
            Running.TryAdd(this, 0);
            _coordinator = FederationProcess.Start(
                Spec.Executable, ["coordinator", "--config", CoordinatorConfigPath], WorkFolder, _environment, CoordinatorLogPath, null, Log);
        }

        try
        {
            if (Spec.Options.WaitForCoordinatorPort)
            {
                await WaitUntilListeningAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var site in Spec.Sites)
            {
                cancellationToken.ThrowIfCancellationRequested();
                StartNode(site.Id);
            }
        }
        catch
        {
            await StopAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Waits for the coordinator to exit (at most until <see cref="FederationOptions.Timeout"/> after
    /// the start), stops every node, and reads the coordinator's report. On cancellation everything is
    /// stopped before the <see cref="OperationCanceledException"/> propagates.
    /// </summary>
    public async Task<FederationResult> WaitForCompletionAsync(CancellationToken cancellationToken = default)
    {
        var coordinator = _coordinator ?? throw new InvalidOperationException("Start the federation first.");
        var timedOut = false;
        try
        {
            var remaining = _deadline - DateTimeOffset.UtcNow;
            await coordinator.Exited.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            timedOut = true;
        }
        finally
        {
            await StopAsync().ConfigureAwait(false);
        }

        var reportPath = Path.Combine(OutputFolder, ReportFileName);
        var ledgerPath = Path.Combine(OutputFolder, LedgerFileName);
        return new FederationResult(
            timedOut ? null : coordinator.ExitCode,
            timedOut,
            ReadReport(reportPath),
            reportPath,
            File.Exists(ledgerPath) ? ledgerPath : null,
            CoordinatorLogPath);
    }

    /// <summary>The first line, from any process, old or new, that matches: e.g. the coordinator's round start, to kill a node during that round.</summary>
    public Task<ProcessLine> WaitForLineAsync(Func<ProcessLine, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Log.WaitForAsync(predicate, timeout, cancellationToken);

    /// <summary>Kills the site's node and its process tree at once, as a crash or a power cut would.</summary>
    public void KillNode(string siteId)
    {
        FederationProcess? node;
        lock (_gate)
        {
            node = _nodes.TryGetValue(siteId, out var running) ? running : throw UnknownSite(siteId);
        }

        node.Kill();
    }

    /// <summary>Asks the site's node to stop (SIGTERM, as an operator would), gives it <paramref name="grace"/>, and returns its exit code (null if it had to be killed).</summary>
    public async Task<int?> StopNodeAsync(string siteId, TimeSpan grace)
    {
        FederationProcess? node;
        lock (_gate)
        {
            node = _nodes.TryGetValue(siteId, out var running) ? running : throw UnknownSite(siteId);
        }

        await node.StopAsync(grace).ConfigureAwait(false);
        return node.ExitCode;
    }

    /// <summary>Starts the site's node again (killing it first if it still runs), on a fresh port, with the same certificate and data.</summary>
    public async Task RestartNodeAsync(string siteId, CancellationToken cancellationToken = default)
    {
        FederationProcess? old;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            old = _nodes.TryGetValue(siteId, out var running) ? running : null;
        }

        if (old is not null)
        {
            old.Kill();
            await old.Exited.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        }

        lock (_gate)
        {
            // The old listener's socket can linger; a fresh port avoids waiting for it.
            _nodePorts[siteId] = FreePorts.Pick();
        }

        WriteNodeConfig(siteId);
        StartNode(siteId);
    }

    /// <summary>
    /// Presents the site's certificate to the coordinator in a TLS handshake of its own, as a peer
    /// that starts no Akka association. True when the coordinator closes the connection within
    /// <paramref name="wait"/> (it refused the certificate); false when it keeps it open.
    /// </summary>
    public Task<bool> CoordinatorRefusesCertificateAsync(string siteId, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var tls = Pki.Sites.TryGetValue(siteId, out var files) ? files : throw UnknownSite(siteId);
        return TlsProbe.RefusedAsync(
            FederationConfigs.LoopbackHost, CoordinatorPort, tls.Certificate, PasswordSource.FromFile(tls.PasswordFile).Read(), wait, cancellationToken);
    }

    /// <summary>SIGTERM to every process, then, after <see cref="FederationOptions.StopGrace"/>, kills what is left with its tree.</summary>
    public async Task StopAsync()
    {
        List<FederationProcess> processes;
        lock (_gate)
        {
            processes = [.. All()];
        }

        // Nodes first, so the coordinator's last lines are not about nodes vanishing.
        await Task.WhenAll(processes.Where(p => p != _coordinator).Select(p => p.StopAsync(Spec.Options.StopGrace))).ConfigureAwait(false);
        if (_coordinator is not null)
        {
            await _coordinator.StopAsync(Spec.Options.StopGrace).ConfigureAwait(false);
        }
    }

    /// <summary>Kills every process and its tree at once (for ProcessExit handlers; prefer <see cref="StopAsync"/>).</summary>
    public void Kill()
    {
        List<FederationProcess> processes;
        lock (_gate)
        {
            processes = [.. All()];
        }

        foreach (var process in processes)
        {
            process.Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        finally
        {
            List<FederationProcess> processes;
            lock (_gate)
            {
                processes = [.. All()];
            }

            foreach (var process in processes)
            {
                process.Dispose();
            }

            Running.TryRemove(this, out _);
        }
    }

    private static void Validate(FederationSpec spec, string work)
    {
        ArgumentNullException.ThrowIfNull(spec.Executable);
        ArgumentNullException.ThrowIfNull(spec.Study);
        ArgumentNullException.ThrowIfNull(spec.Schema);
        if (spec.Sites is null || spec.Sites.Count == 0)
        {
            throw new ArgumentException("A federation needs at least one site.", nameof(spec));
        }

        var duplicates = spec.Sites.GroupBy(s => s.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new ArgumentException($"Site ids must be unique: {string.Join(", ", duplicates)}.", nameof(spec));
        }

        // The caller may keep its own files there (e.g. the sites' data); the launcher's folders must be new.
        var previous = OwnFolders.Where(f => Directory.Exists(Path.Combine(work, f))).ToList();
        if (previous.Count > 0)
        {
            throw new ArgumentException(
                $"The work folder {work} already holds a federation ({string.Join(", ", previous)}); each one gets a fresh folder (its PKI is never reused).", nameof(spec));
        }
    }

    private static ArgumentException UnknownSite(string siteId) => new($"'{siteId}' is not a site of this federation.", nameof(siteId));

    private static JsonObject? ReadReport(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private int IndexOf(string siteId)
    {
        for (var i = 0; i < Spec.Sites.Count; i++)
        {
            if (Spec.Sites[i].Id == siteId)
            {
                return i;
            }
        }

        throw UnknownSite(siteId);
    }

    private void WriteNodeConfig(string siteId)
    {
        var site = Spec.Sites[IndexOf(siteId)];
        FederationConfigs.Write(NodeConfigPath(siteId), FederationConfigs.Node(
            site.Id, CoordinatorPort, NodePort(siteId), Pki.Sites[site.Id], site.Data, Spec.Schema, Spec.Options.ModelTransferThresholdBytes, NodePrivacy(), site.Training));
    }

    /// <summary>
    /// The simulated hospitals are the developer's own: a study run with secure aggregation off on
    /// purpose is not refused by their policy (a real node requires it by default). Each takes part
    /// in this study only.
    /// </summary>
    private JsonObject? NodePrivacy()
    {
        var privacy = new JsonObject();
        if (Spec.Study["SecureAggregation"] is JsonValue secure && secure.TryGetValue<bool>(out var on) && !on)
        {
            privacy["RequireSecureAggregation"] = false;
        }

        if (Spec.Study["Id"] is JsonValue id && id.TryGetValue<string>(out var study))
        {
            privacy["Studies"] = new JsonArray(study);
        }

        return privacy.Count == 0 ? null : privacy;
    }

    /// <summary>
    /// Starts one node per site and no coordinator: for test code that plays the coordinator itself
    /// on <see cref="CoordinatorPort"/> with the federation's coordinator certificate.
    /// </summary>
    public void StartNodesOnly()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _deadline = DateTimeOffset.UtcNow + Spec.Options.Timeout;
            Running.TryAdd(this, 0);
        }

        foreach (var site in Spec.Sites)
        {
            StartNode(site.Id);
        }
    }

    private void StartNode(string siteId)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_nodes.TryGetValue(siteId, out var old))
            {
                _retired.Add(old);
            }

            _nodes[siteId] = FederationProcess.Start(
                Spec.Executable, ["node", "--config", NodeConfigPath(siteId)], WorkFolder, _environment, NodeLogPath(siteId), siteId, Log);
        }
    }

    private IEnumerable<FederationProcess> All() =>
        (_coordinator is null ? [] : new[] { _coordinator }).Concat(_nodes.Values).Concat(_retired);

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var coordinator = _coordinator!;
        var until = DateTimeOffset.UtcNow + Spec.Options.StartTimeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (coordinator.HasExited)
            {
                var code = coordinator.ExitCode;
                var said = string.Join(Environment.NewLine, Log.Lines.Where(l => l.IsCoordinator && !l.FromLauncher).TakeLast(20).Select(l => l.Text));
                throw new FederationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The coordinator exited with code {code} before it listened{(code == 2 ? " (it refused its configuration)" : string.Empty)}; see {CoordinatorLogPath}.{Environment.NewLine}{said}"))
                {
                    ExitCode = code,
                };
            }

            if (Log.Lines.Any(FederationLogPatterns.CoordinatorListening))
            {
                return;
            }

            if (DateTimeOffset.UtcNow > until)
            {
                throw new FederationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The coordinator did not listen on {FederationConfigs.LoopbackHost}:{CoordinatorPort} within {Spec.Options.StartTimeout.TotalSeconds:0} s; see {CoordinatorLogPath}."));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
        }
    }
}
