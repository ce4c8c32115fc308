using FedHealth.Cli.Commands.Services;
using FedHealth.Coordinator.Composition;
using FedHealth.Pki.Identity;

namespace FedHealth.Cli.Commands.Coordinator;

/// <summary>coordinator.json (docs/configuration.md): <c>Coordinator</c>, <c>Study</c>, <c>Schema</c>.</summary>
internal sealed class CoordinatorConfig
{
    public CoordinatorSection Coordinator { get; set; } = new();

    /// <summary>The study: the same request, names and defaults as the <c>sim</c> flags (docs/configuration.md).</summary>
    public StudyRequest Study { get; set; } = new();

    public SchemaSection Schema { get; set; } = new();

    /// <summary>Every problem, each naming its key; empty when the configuration can run.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var tls = Coordinator.Tls;
        ServiceChecks.Endpoint("Coordinator:Bind", Coordinator.Bind, allowAnyPort: false, problems);
        ServiceChecks.Tls("Coordinator:Tls", tls, requireCrl: true, problems);
        MetricsSection.Check("Coordinator:Metrics", Coordinator.Metrics, problems);
        ConsoleSection.Check("Coordinator:Console", Coordinator.Console, Coordinator.Metrics, problems);
        if (string.IsNullOrWhiteSpace(Coordinator.Output))
        {
            problems.Add("Coordinator:Output is required: the folder for report.json and privacy-ledger.json.");
        }

        Coordinator.State.Check("Coordinator:State", problems);
        if (Coordinator.Transfer.Port is < 0 or > 65535 || Coordinator.Transfer.ThresholdBytes < 0)
        {
            problems.Add($"Coordinator:Transfer: Port must be 0–65535 and ThresholdBytes ≥ 0 (got {Coordinator.Transfer.Port}, {Coordinator.Transfer.ThresholdBytes}).");
        }

        if (Coordinator.CheckpointEvery < 1)
        {
            problems.Add($"Coordinator:CheckpointEvery must be at least 1 (got {Coordinator.CheckpointEvery}).");
        }

        if (!(Coordinator.RegistrationTimeoutSeconds > 0))
        {
            problems.Add("Coordinator:RegistrationTimeoutSeconds must be positive.");
        }

        if (Study.Sites.Length == 0)
        {
            problems.Add("Study:Sites must list the enrolled site ids.");
        }

        foreach (var site in Study.Sites.Where(s => !PeerIds.IsValid(s)))
        {
            problems.Add($"Study:Sites: '{site}' is not a valid site id (letters, digits, '-', '_', '.', 1–64 characters).");
        }

        if (Study.Sites.Distinct(StringComparer.Ordinal).Count() != Study.Sites.Length)
        {
            problems.Add("Study:Sites lists a site twice.");
        }

        problems.AddRange(Study.Problems("Study:"));
        ServiceChecks.Schema(Schema, problems);
        return problems;
    }
}
