using System.Text.Json.Nodes;
using FedHealth.Coordinator.Composition;

namespace FedHealth.Cli.Commands.Sim;

/// <summary>
/// Everything `fedhealth sim` was asked to do, after parsing: the study (<see cref="Study"/>, the
/// same request a coordinator's configuration holds) and what only a simulation has — where the
/// data comes from, how it is split into sites, simulated dropout, and where the results go.
/// </summary>
internal sealed record SimSettings
{
    public const string SyntheticData = "synthetic";

    public StudyRequest Study { get; init; } = StudyRequest.Default;

    public string Data { get; init; } = SyntheticData;

    public string? Label { get; init; }

    public string? SiteColumn { get; init; }

    public string? SplitColumn { get; init; }

    public IReadOnlyList<string> CategoricalColumns { get; init; } = [];

    public int? Sites { get; init; }

    public double? DirichletAlpha { get; init; }

    public double TestFraction { get; init; } = 0.25;

    /// <summary>How long the simulated study waits for its sites (they are in this process, so a minute is generous).</summary>
    public TimeSpan RegistrationTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Simulation: the probability that a site vanishes at a random stage of a round.</summary>
    public double Dropout { get; init; }

    public string? Out { get; init; }

    /// <summary>A state directory (SQLite journal and models): the study survives a crash and resumes when run again; null keeps it in memory.</summary>
    public string? State { get; init; }

    /// <summary>With <see cref="State"/>: the journal in PostgreSQL (an Npgsql connection string) rather than SQLite.</summary>
    public string? StatePostgres { get; init; }

    public bool Json { get; init; }

    /// <summary>Start from this stored model (an id or prefix) instead of fresh weights: a warm start (docs/models.md).</summary>
    public string? Init { get; init; }

    /// <summary>Where <see cref="Init"/> is looked up: a run folder or a folder of runs (default <c>runs/</c>).</summary>
    public string? InitFrom { get; init; }

    /// <summary>Keep a checkpoint of every N-th committed round (1: every round).</summary>
    public int CheckpointEvery { get; init; } = 1;

    /// <summary>Run the coordinator and every site as separate <c>fedhealth</c> processes over mutual TLS on loopback (docs/simulation.md).</summary>
    public bool Processes { get; init; }

    public const int DefaultConsolePort = 7480;

    /// <summary>Serve the consortium console on 127.0.0.1 at this port (<c>--console</c>); null for none.</summary>
    public int? ConsolePort { get; init; }

    /// <summary>The seed of the data split and partition: the study's own.</summary>
    public int Seed => Study.Seed;

    public bool IsSynthetic => string.Equals(Data, SyntheticData, StringComparison.OrdinalIgnoreCase);

    /// <summary>The data part of report.json's <c>config</c>, in the flags' own terms (the study adds its part).</summary>
    public JsonObject ToReportConfig() => new()
    {
        ["data"] = Data,
        ["label"] = Label,
        ["site_column"] = SiteColumn,
        ["split_column"] = SplitColumn,
        ["sites"] = Sites,
        ["partition"] = DirichletAlpha is { } alpha ? $"dirichlet:{alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : null,
        ["test_fraction"] = SplitColumn is null ? TestFraction : null,
        ["dropout"] = Dropout,
    };
}
