namespace FedHealth.Cli.Commands.Node;

/// <summary>
/// Where a node's rows come from: <c>csv</c> (a file on the hospital's server; <see cref="SiteColumn"/>
/// and <see cref="SiteValue"/> pick this site's rows from a shared file), <c>fhir</c> (FHIR R4
/// Bundles or NDJSON at <see cref="Path"/>, or a FHIR server's REST API at <see cref="Server"/>, read by
/// the contract in <see cref="Mapping"/>), <c>omop</c> (OMOP CDM tables in PostgreSQL, read by the cohort
/// in <see cref="Omop"/>) or <c>synthetic</c> (site <see cref="Index"/> of the built-in cohort of
/// <see cref="Sites"/> sites, for development).
/// </summary>
internal sealed class DataSection
{
    public string Kind { get; set; } = "csv";

    public string? Path { get; set; }

    /// <summary>The FHIR mapping file (fhir only): features, codes, units, label and index date.</summary>
    public string? Mapping { get; set; }

    /// <summary>A FHIR server to search instead of files at <see cref="Path"/> (fhir only).</summary>
    public FhirServerSection? Server { get; set; }

    /// <summary>The OMOP database and cohort (omop only).</summary>
    public OmopSection? Omop { get; set; }

    public string? SiteColumn { get; set; }

    public string? SiteValue { get; set; }

    public string? SplitColumn { get; set; }

    public List<string> Categorical { get; set; } = [];

    public double TestFraction { get; set; } = 0.25;

    public int Seed { get; set; } = 42;

    public int Sites { get; set; } = 4;

    public int Index { get; set; }
}
