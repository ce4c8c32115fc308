using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FedHealth.Simulation.Processes;

/// <summary>
/// coordinator.json and node.json exactly as docs/configuration.md describes them, for processes
/// on the loopback interface. Pure: no files, no sockets.
/// </summary>
public static class FederationConfigs
{
    /// <summary>Every process listens on, and is reached at, the IPv4 loopback address; the certificates name it as IP 127.0.0.1.</summary>
    public const string LoopbackHost = "127.0.0.1";

    public const string DefaultStudyId = "local-federation";

    public static JsonSerializerOptions WriteOptions { get; } = new() { WriteIndented = true };

    /// <summary>
    /// The coordinator's configuration. <paramref name="study"/> is the <c>Study</c> section in the
    /// contract's keys; <c>Id</c> defaults to <see cref="DefaultStudyId"/> and <c>Sites</c> to
    /// <paramref name="sites"/> when it does not name them.
    /// </summary>
    /// <param name="transfer">The transfer channel's port (0: any free one) and the size from which models use it.</param>
    /// <param name="metricsPort">The monitoring endpoint's port on the loopback address; null for none.</param>
    public static JsonObject Coordinator(
        int port, TlsFiles tls, string output, TimeSpan registrationTimeout, JsonObject study, IEnumerable<string> sites, FederationSchema schema,
        (int Port, long ThresholdBytes)? transfer = null, int? metricsPort = null)
    {
        ArgumentNullException.ThrowIfNull(tls);
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(schema);
        CheckPort(port);
        var studySection = (JsonObject)study.DeepClone();
        studySection.TryAdd("Id", DefaultStudyId);
        studySection.TryAdd("Sites", new JsonArray([.. sites.Select(s => (JsonNode?)s)]));
        var coordinator = new JsonObject
        {
            ["Bind"] = Bind(port),
            ["Tls"] = Tls(tls),
            ["Output"] = Path.GetFullPath(output),
            ["RegistrationTimeoutSeconds"] = Seconds(registrationTimeout),
        };
        if (transfer is { } t)
        {
            coordinator["Transfer"] = new JsonObject { ["Port"] = t.Port, ["ThresholdBytes"] = t.ThresholdBytes };
        }

        if (metricsPort is { } metrics)
        {
            CheckPort(metrics);
            coordinator["Metrics"] = new JsonObject { ["Host"] = LoopbackHost, ["Port"] = metrics };
        }

        return new JsonObject
        {
            ["Coordinator"] = coordinator,
            ["Study"] = studySection,
            ["Schema"] = schema.ToJson(),
        };
    }

    /// <summary>The coordinator's configuration with its model keys: the stored model round 1 starts from (if any) and the checkpoint interval (if not every round).</summary>
    public static JsonObject WithModels(JsonObject coordinatorConfig, string? initialModel, int checkpointEvery)
    {
        ArgumentNullException.ThrowIfNull(coordinatorConfig);
        var section = (JsonObject)coordinatorConfig["Coordinator"]!;
        if (initialModel is not null)
        {
            section["InitialModel"] = Path.GetFullPath(initialModel);
        }

        if (checkpointEvery != 1)
        {
            section["CheckpointEvery"] = checkpointEvery;
        }

        return coordinatorConfig;
    }

    /// <summary>One site's node configuration, reaching the coordinator at <see cref="LoopbackHost"/>:<paramref name="coordinatorPort"/>.</summary>
    /// <param name="uploadThresholdBytes">From which size the node uploads its replies over the transfer channel; null keeps the node's default.</param>
    public static JsonObject Node(
        string siteId, int coordinatorPort, int port, TlsFiles tls, SiteDataSource data, FederationSchema schema, long? uploadThresholdBytes = null,
        JsonObject? privacy = null, JsonObject? training = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siteId);
        ArgumentNullException.ThrowIfNull(tls);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(schema);
        CheckPort(coordinatorPort);
        CheckPort(port);
        var node = new JsonObject
        {
            ["SiteId"] = siteId,
            ["Coordinator"] = new JsonObject
            {
                ["Host"] = LoopbackHost,
                ["Port"] = coordinatorPort,
                ["Id"] = FederationPki.CoordinatorId,
            },
            ["Bind"] = Bind(port),
            ["Tls"] = Tls(tls),
            ["Data"] = data.ToJson(),
            // Each site its own state (privacy ledger, audit trail), although the configurations share a folder.
            ["State"] = new JsonObject { ["Directory"] = $"state/{siteId}" },
        };
        if (uploadThresholdBytes is { } threshold)
        {
            node["Transfer"] = new JsonObject { ["ThresholdBytes"] = threshold };
        }

        if (privacy is not null)
        {
            node["Privacy"] = privacy;
        }

        if (training is not null)
        {
            node["Training"] = training.DeepClone();
        }

        return new JsonObject
        {
            ["Node"] = node,
            ["Schema"] = schema.ToJson(),
        };
    }

    /// <summary>Writes a configuration as indented JSON (atomically: a crash never leaves half a file).</summary>
    public static string Write(string path, JsonObject config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, config.ToJsonString(WriteOptions) + "\n");
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static JsonObject Bind(int port) => new()
    {
        ["Host"] = LoopbackHost,
        ["Port"] = port,
        ["PublicHost"] = LoopbackHost,
    };

    private static JsonObject Tls(TlsFiles tls) => new()
    {
        ["Certificate"] = tls.Certificate,
        ["PasswordFile"] = tls.PasswordFile,
        ["CaCertificate"] = tls.CaCertificate,
        ["Crl"] = tls.Crl,
    };

    private static int Seconds(TimeSpan span) =>
        span > TimeSpan.Zero
            ? (int)Math.Ceiling(span.TotalSeconds)
            : throw new ArgumentOutOfRangeException(nameof(span), span.ToString("c", CultureInfo.InvariantCulture), "The timeout must be positive.");

    private static void CheckPort(int port)
    {
        if (port is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "A TCP port is 1–65535.");
        }
    }
}
