using System.Globalization;
using FedHealth.Cli.Commands.Services;
using FedHealth.Node.Policy;
using FedHealth.Pki.Identity;

namespace FedHealth.Cli.Commands.Node;

/// <summary>node.json (docs/configuration.md): <c>Node</c> (its policy in <c>Node:Privacy</c> and <c>Node:Training</c>) and <c>Schema</c>.</summary>
internal sealed class NodeConfig
{
    public NodeSection Node { get; set; } = new();

    public SchemaSection Schema { get; set; } = new();

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!PeerIds.IsValid(Node.SiteId))
        {
            problems.Add($"Node:SiteId is required: a valid site id (letters, digits, '-', '_', '.', 1–64 characters){(Node.SiteId is null ? string.Empty : $", not '{Node.SiteId}'")}.");
        }

        if (string.IsNullOrWhiteSpace(Node.Coordinator.Host))
        {
            problems.Add("Node:Coordinator:Host is required.");
        }

        if (Node.Coordinator.Port is < 1 or > 65535)
        {
            problems.Add($"Node:Coordinator:Port must be 1–65535 (got {Node.Coordinator.Port}).");
        }

        ServiceChecks.Endpoint("Node:Bind", Node.Bind, allowAnyPort: true, problems);
        if (Node.Transfer.ThresholdBytes < 0)
        {
            problems.Add($"Node:Transfer:ThresholdBytes must be ≥ 0 (got {Node.Transfer.ThresholdBytes}).");
        }

        ServiceChecks.Tls("Node:Tls", Node.Tls, requireCrl: true, problems);
        MetricsSection.Check("Node:Metrics", Node.Metrics, problems);
        ConsoleSection.Check("Node:Console", Node.Console, Node.Metrics, problems);
        problems.AddRange(PolicyProblems());
        problems.AddRange(DataProblems());
        return problems;
    }

    /// <summary>The problems of <c>Node:Privacy</c> and <c>Node:Training</c>.</summary>
    public IReadOnlyList<string> PolicyProblems()
    {
        var problems = new List<string>();
        var privacy = Node.Privacy;
        foreach (var (key, value) in new[] { ("Node:Privacy:MaxEpsilon", privacy.MaxEpsilon), ("Node:Privacy:MaxEpsilonPerStudy", privacy.MaxEpsilonPerStudy) })
        {
            if (value is { } v && !(v > 0 && double.IsFinite(v)))
            {
                problems.Add($"{key} must be a finite number > 0, or left out for no limit (got {v.ToString(CultureInfo.InvariantCulture)}).");
            }
        }

        if (!(privacy.MaxDelta > 0 && privacy.MaxDelta < 1))
        {
            problems.Add($"Node:Privacy:MaxDelta must be in (0, 1) (got {privacy.MaxDelta.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (privacy.MaxAttemptsPerRound < 1)
        {
            problems.Add($"Node:Privacy:MaxAttemptsPerRound must be ≥ 1 (got {privacy.MaxAttemptsPerRound}).");
        }

        foreach (var study in privacy.Studies.Where(s => string.IsNullOrWhiteSpace(s) || s.Length > 128 || s.Any(char.IsControl)))
        {
            problems.Add($"Node:Privacy:Studies: an entry of {study?.Length ?? 0} characters is not a study id (1–128 printable characters).");
        }

        if (Node.Training.MaxLocalSteps < 1)
        {
            problems.Add($"Node:Training:MaxLocalSteps must be ≥ 1 (got {Node.Training.MaxLocalSteps}).");
        }

        if (!(Node.Training.MaxLocalTimeSeconds > 0 && double.IsFinite(Node.Training.MaxLocalTimeSeconds)))
        {
            problems.Add($"Node:Training:MaxLocalTimeSeconds must be a finite number of seconds > 0 (got {Node.Training.MaxLocalTimeSeconds.ToString(CultureInfo.InvariantCulture)}).");
        }

        return problems;
    }

    /// <summary>The site's policy as configured (validated by <see cref="Problems"/>).</summary>
    public NodePrivacyPolicy Policy() => new(
        Node.Privacy.MaxEpsilon, Node.Privacy.MaxEpsilonPerStudy, Node.Privacy.MaxDelta, Node.Privacy.RequireDp, Node.Privacy.RequireSecureAggregation,
        Node.Training.MaxLocalSteps)
    {
        Studies = Node.Privacy.Studies.Length == 0 ? null : Node.Privacy.Studies.ToHashSet(StringComparer.Ordinal),
        MaxAttemptsPerRound = Node.Privacy.MaxAttemptsPerRound,
    };

    /// <summary>The problems of <c>Node:Data</c> and <c>Schema</c> alone (what <c>data check</c> needs).</summary>
    public IReadOnlyList<string> DataProblems()
    {
        var problems = new List<string>();
        var data = Node.Data;
        switch (data.Kind)
        {
            case "csv" when string.IsNullOrWhiteSpace(data.Path):
                problems.Add("Node:Data:Path is required for csv data.");
                break;
            case "csv" when (data.SiteColumn is null) != (data.SiteValue is null):
                problems.Add("Node:Data: give both SiteColumn and SiteValue (a shared file) or neither (a file of this site's rows).");
                break;
            case "fhir" when string.IsNullOrWhiteSpace(data.Path) == data.Server is null:
                problems.Add("Node:Data: fhir data needs either Path (a Bundle, an NDJSON file or a directory of them) or Server (a FHIR server), not both.");
                break;
            case "fhir" when string.IsNullOrWhiteSpace(data.Mapping):
                problems.Add("Node:Data:Mapping is required for fhir data (the mapping file, docs/data.md).");
                break;
            case "fhir" or "omop" when data.SiteColumn is not null || data.SiteValue is not null || data.Categorical.Count > 0:
                problems.Add($"Node:Data: SiteColumn, SiteValue and Categorical apply to csv data only; a {data.Kind} source holds one site's patients.");
                break;
            case "fhir":
                ConnectorChecks.Server(data.Server, problems);
                break;
            case "omop":
                ConnectorChecks.Omop(data.Omop, problems);
                break;
            case "csv":
            case "synthetic" when data.Sites >= 1 && data.Index >= 0 && data.Index < data.Sites:
                break;
            case "synthetic":
                problems.Add($"Node:Data: synthetic data needs Sites ≥ 1 and 0 ≤ Index < Sites (got Sites {data.Sites}, Index {data.Index}).");
                break;
            default:
                problems.Add($"Node:Data:Kind must be csv, fhir, omop or synthetic (got '{data.Kind}').");
                break;
        }

        ServiceChecks.Schema(Schema, problems);
        return problems;
    }
}
