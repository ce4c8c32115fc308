namespace FedHealth.Cli.Commands.Node;

/// <summary>
/// <c>Node:Data:Omop</c>: where the site's OMOP CDM v5.4 tables are (the connection string, best
/// from an environment variable, and the CDM schema) and the cohort: the index date, whether only
/// persons observed at it count, the label's condition concepts and the features in schema order.
/// </summary>
internal sealed class OmopSection
{
    /// <summary>An Npgsql connection string (prefer <see cref="ConnectionStringVariable"/>: it may hold a password).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The environment variable holding the connection string.</summary>
    public string? ConnectionStringVariable { get; set; }

    public string Schema { get; set; } = "public";

    public int CommandTimeoutSeconds { get; set; } = 120;

    /// <summary>yyyy-MM-dd.</summary>
    public string? IndexDate { get; set; }

    public bool RequireObservationPeriod { get; set; } = true;

    public OmopLabelSection Label { get; set; } = new();

    public List<OmopFeatureSection> Features { get; set; } = [];
}
