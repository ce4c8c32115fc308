namespace FedHealth.Simulation.Processes;

/// <summary>How a <see cref="LocalFederation"/> runs and how long it waits.</summary>
public sealed record FederationOptions
{
    /// <summary>The whole run, from the coordinator's start to its exit; then every process is stopped.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Models and replies from this serialized size go over the coordinator's mutual-TLS transfer
    /// channel instead of inside the messages; 0 (the default here) sends every model and every
    /// update that way, so a local federation exercises the channel in both directions.
    /// </summary>
    public long ModelTransferThresholdBytes { get; init; }

    /// <summary><c>Coordinator.RegistrationTimeoutSeconds</c>: how long the study waits for its sites.</summary>
    public TimeSpan RegistrationTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long the coordinator may take to accept connections on its port.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Wait for the coordinator's port before starting the nodes (they would retry anyway, but from 1 s upwards).</summary>
    public bool WaitForCoordinatorPort { get; init; } = true;

    /// <summary><c>Coordinator.Metrics.Port</c>: the coordinator's monitoring endpoint on 127.0.0.1 (/metrics, /healthz, /readyz); null for none.</summary>
    public int? CoordinatorMetricsPort { get; init; }

    /// <summary><c>Coordinator.Console.Url</c>: the coordinator's web console at http://127.0.0.1:PORT (docs/console.md); null for none.</summary>
    public int? CoordinatorConsolePort { get; init; }
    /// <summary><c>Coordinator.InitialModel</c>: the manifest of a stored model that round 1 starts from; null for fresh weights.</summary>
    public string? InitialModel { get; init; }

    /// <summary><c>Coordinator.CheckpointEvery</c>: the coordinator keeps every N-th committed round's model.</summary>
    public int CheckpointEvery { get; init; } = 1;

    /// <summary>Between SIGTERM and killing the tree when stopping.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>FEDHEALTH_LOG_LEVEL of every process; Information, so that round starts and refusals are in the logs.</summary>
    public string LogLevel { get; init; } = "Information";

    /// <summary>More environment variables for every process. Inherited <c>FEDHEALTH__*</c> overrides and FEDHEALTH_LOG_FILE are removed first.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
