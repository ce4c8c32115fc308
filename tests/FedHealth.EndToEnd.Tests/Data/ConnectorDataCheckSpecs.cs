using FedHealth.EndToEnd.Tests.Support;
using FedHealth.Training.Data.Fhir.Synthetic;
using FedHealth.Training.Data.Omop.Synthetic;
using FedHealth.Training.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Data;

/// <summary>`fedhealth data check --config node.json` pointed at a FHIR server and at an OMOP database, as a hospital would.</summary>
public sealed class ConnectorDataCheckSpecs(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    private const int Patients = 70;
    private const string Schema = """ "Schema": { "Label": "cardiac_event", "Columns": [ "age", "sex", "cholesterol", "systolic_bp", "bmi", "diabetes" ] } """;

    // The OMOP twin of the synthetic FHIR mapping, as a hospital writes it in node.json (docs/data.md).
    private const string Cohort = """
        "Schema": "cdm", "IndexDate": "2024-01-01", "RequireObservationPeriod": true,
        "Label": { "Name": "cardiac_event", "Concepts": [ 4329847 ] },
        "Features": [
          { "Name": "age", "Source": "PersonAge", "Min": 18, "Max": 110 },
          { "Name": "sex", "Source": "PersonSex" },
          { "Name": "cholesterol", "Source": "Measurement", "Concepts": [ 3027114 ], "UnitConcept": 8840,
            "Conversions": [ { "FromUnitConcept": 8753, "Factor": 38.67 } ], "Min": 80, "Max": 400 },
          { "Name": "systolic_bp", "Source": "Measurement", "Concepts": [ 3004249 ], "UnitConcept": 8876, "Min": 70, "Max": 250 },
          { "Name": "bmi", "Source": "Measurement", "Concepts": [ 3038553 ], "UnitConcept": 9531, "Min": 12, "Max": 70 },
          { "Name": "diabetes", "Source": "Condition", "Concepts": [ 201826 ] }
        ]
        """;

    private static readonly SyntheticFhirSite Site = SyntheticFhirGenerator.Generate(sites: 2, Patients, seed: 3)[1];

    [Fact]
    public async Task An_omop_site_is_checked_from_its_database_with_counts_only()
    {
        postgres.Load("cdm", SyntheticOmop.FromBundle(Site.Bundle));
        var path = Path.Combine(FedHealthProcess.TempFolder(), "node.json");
        await File.WriteAllTextAsync(path, $$"""
            { "Node": { "Data": { "Kind": "omop", "Omop": { "ConnectionStringVariable": "FEDHEALTH_SITE_OMOP", {{Cohort}} } } }, {{Schema}} }
            """);

        var run = await FedHealthProcess.RunAsync(new Dictionary<string, string> { ["FEDHEALTH_SITE_OMOP"] = postgres.ConnectionString }, "data", "check", "--config", path);

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Contains($"{Patients} patients", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("cholesterol", run.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("Username=", run.StdOut + run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_omop_table_is_named_by_the_check()
    {
        postgres.Load("cdm_no_measurement", SyntheticOmop.FromBundle(Site.Bundle));
        postgres.Execute("DROP TABLE cdm_no_measurement.measurement");
        var path = Path.Combine(FedHealthProcess.TempFolder(), "node.json");
        await File.WriteAllTextAsync(path, $$"""
            { "Node": { "Data": { "Kind": "omop", "Omop": { "ConnectionStringVariable": "FEDHEALTH_SITE_OMOP", {{Cohort.Replace("\"cdm\"", "\"cdm_no_measurement\"", StringComparison.Ordinal)}} } } }, {{Schema}} }
            """);

        var run = await FedHealthProcess.RunAsync(new Dictionary<string, string> { ["FEDHEALTH_SITE_OMOP"] = postgres.ConnectionString }, "data", "check", "--config", path);

        run.AssertRefusedWith("cdm_no_measurement.measurement does not exist");
    }

    [Fact]
    public async Task A_fhir_server_site_is_checked_through_paged_searches_with_its_token()
    {
        using var server = new FhirTestServer(Site.Bundle.Entry.Select(e => e.Resource!), maxPageSize: 30, requiredAuthorization: "Bearer node-token");
        var folder = FedHealthProcess.TempFolder();
        var mapping = Path.Combine(folder, "mapping.json");
        await File.WriteAllTextAsync(mapping, SyntheticFhirMapping.Create().ToJson());
        var path = Path.Combine(folder, "node.json");
        await File.WriteAllTextAsync(path, $$"""
            { "Node": { "Data": { "Kind": "fhir", "Mapping": "{{mapping}}",
                "Server": { "Url": "{{server.BaseUrl}}", "AuthorizationVariable": "FEDHEALTH_SITE_FHIR_TOKEN", "PageSize": 30 } } }, {{Schema}} }
            """);

        var run = await FedHealthProcess.RunAsync(new Dictionary<string, string> { ["FEDHEALTH_SITE_FHIR_TOKEN"] = "Bearer node-token" }, "data", "check", "--config", path);

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Contains($"{Patients} patients", run.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("node-token", run.StdOut + run.StdErr, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count(r => r.StartsWith("/fhir/Patient", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Load_omop_writes_the_synthetic_sites_into_a_database_that_data_check_then_reads()
    {
        var environment = new Dictionary<string, string> { ["FEDHEALTH_SITE_OMOP"] = postgres.ConnectionString };
        var load = await FedHealthProcess.RunAsync(
            environment, "data", "load-omop", "--connection-variable", "FEDHEALTH_SITE_OMOP", "--schema-prefix", "trial_", "--sites", "2", "--patients", $"{Patients}", "--seed", "3");
        var again = await FedHealthProcess.RunAsync(
            environment, "data", "load-omop", "--connection-variable", "FEDHEALTH_SITE_OMOP", "--schema-prefix", "trial_", "--sites", "2", "--patients", $"{Patients}", "--seed", "3");
        var path = Path.Combine(FedHealthProcess.TempFolder(), "node.json");
        await File.WriteAllTextAsync(path, $$"""
            { "Node": { "Data": { "Kind": "omop", "Omop": { "ConnectionStringVariable": "FEDHEALTH_SITE_OMOP", {{Cohort.Replace("\"cdm\"", "\"trial_2\"", StringComparison.Ordinal)}} } } }, {{Schema}} }
            """);
        var check = await FedHealthProcess.RunAsync(environment, "data", "check", "--config", path);

        Assert.True(load.ExitCode == 0, load.StdErr);
        Assert.Equal(["trial_1", "trial_2"], load.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        again.AssertRefusedWith("already exists");
        Assert.True(check.ExitCode == 0, check.StdErr);
        Assert.Contains($"{Patients} patients", check.StdOut, StringComparison.Ordinal);
    }
}
