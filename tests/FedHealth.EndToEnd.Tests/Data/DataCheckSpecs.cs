using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Data;

/// <summary>`data check` validates Node:Data the way `fedhealth node` does, naming the key at fault.</summary>
public sealed class DataCheckSpecs
{
    private const string Schema = """ "Schema": { "Label": "y", "Columns": [ "x" ] } """;

    public static TheoryData<string, string> Cases => new()
    {
        { """{ "Node": { "Data": { "Kind": "fhir", "Mapping": "m.json" } }, SCHEMA }""", "fhir data needs either Path" },
        { """{ "Node": { "Data": { "Kind": "fhir", "Mapping": "m.json", "Path": "b.json", "Server": { "Url": "https://fhir.example/r4/" } } }, SCHEMA }""", "fhir data needs either Path" },
        { """{ "Node": { "Data": { "Kind": "fhir", "Mapping": "m.json", "Server": { "Url": "fhir.example" } } }, SCHEMA }""", "Node:Data:Server:Url must be the server's absolute http(s) base URL" },
        { """{ "Node": { "Data": { "Kind": "fhir", "Mapping": "m.json", "Server": { "Url": "https://fhir.example/r4/", "PageSize": 0 } } }, SCHEMA }""", "Node:Data:Server:PageSize must be 1–10000" },
        { """{ "Node": { "Data": { "Kind": "fhir", "Path": "b.json" } }, SCHEMA }""", "Node:Data:Mapping is required for fhir data" },
        { """{ "Node": { "Data": { "Kind": "fhir", "Path": "/nonexistent/b.json", "Mapping": "m.json" } }, SCHEMA }""", "Node:Data:Path: no such file or directory" },
        { """{ "Node": { "Data": { "Kind": "fhir", "Path": "b.json", "Mapping": "m.json", "SiteColumn": "c", "SiteValue": "1" } }, SCHEMA }""", "apply to csv data only" },
        { """{ "Node": { "Data": { "Kind": "omop" } }, SCHEMA }""", "Node:Data:Omop is required for omop data" },
        { """{ "Node": { "Data": { "Kind": "omop", "Omop": { "ConnectionStringVariable": "X", "Schema": "cdm; DROP TABLE person", "IndexDate": "2024-01-01", "Label": { "Name": "y", "Concepts": [ 1 ] }, "Features": [ { "Name": "x", "Source": "PersonAge" } ] } } }, SCHEMA }""", "Node:Data:Omop:Schema must be a plain PostgreSQL name" },
        { """{ "Node": { "Data": { "Kind": "omop", "Omop": { "ConnectionStringVariable": "X", "IndexDate": "1/1/2024", "Label": { "Name": "y", "Concepts": [ 1 ] }, "Features": [ { "Name": "x", "Source": "PersonAge" } ] } } }, SCHEMA }""", "Node:Data:Omop:IndexDate must be a date as yyyy-MM-dd" },
        { """{ "Node": { "Data": { "Kind": "omop", "Omop": { "ConnectionStringVariable": "X", "ConnectionString": "Host=h", "IndexDate": "2024-01-01", "Label": { "Name": "y", "Concepts": [ 1 ] }, "Features": [ { "Name": "x", "Source": "PersonAge" } ] } } }, SCHEMA }""", "give either ConnectionStringVariable" },
        { """{ "Node": { "Data": { "Kind": "omop", "Omop": { "ConnectionStringVariable": "X", "IndexDate": "2024-01-01", "Label": { "Name": "y", "Concepts": [ 1 ] }, "Features": [ { "Name": "x", "Source": "Labs" } ] } } }, SCHEMA }""", "Node:Data:Omop:Features:0:Source must be one of PersonAge" },
        { """{ "Node": { "Data": { "Kind": "omop", "Omop": { "ConnectionStringVariable": "FEDHEALTH_NOT_SET_ANYWHERE", "IndexDate": "2024-01-01", "Label": { "Name": "y", "Concepts": [ 1 ] }, "Features": [ { "Name": "x", "Source": "PersonAge" } ] } } }, SCHEMA }""", "Node:Data:Omop:ConnectionStringVariable: the environment variable 'FEDHEALTH_NOT_SET_ANYWHERE' is not set" },
        { """{ "Node": { "Data": { "Kind": "sql" } }, SCHEMA }""", "Node:Data:Kind must be csv, fhir, omop or synthetic" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_data_section_is_refused_naming_the_key(string json, string expected)
    {
        var path = Path.Combine(FedHealthProcess.TempFolder(), "node.json");
        await File.WriteAllTextAsync(path, json.Replace("SCHEMA", Schema, StringComparison.Ordinal));

        (await FedHealthProcess.RunAsync("data", "check", "--config", path)).AssertRefusedWith(expected);
    }

    [Fact]
    public async Task Synthetic_data_is_checked_with_present_and_missing_counts()
    {
        var path = Path.Combine(FedHealthProcess.TempFolder(), "node.json");
        await File.WriteAllTextAsync(path, """
            { "Node": { "Data": { "Kind": "synthetic", "Sites": 2, "Index": 1 } },
              "Schema": { "Label": "cardiac_event", "Columns": [ "age", "sex", "systolic_bp", "cholesterol", "max_heart_rate", "bmi", "smoker", "diabetes",
                "chest_pain=asymptomatic", "chest_pain=atypical", "chest_pain=non_anginal", "chest_pain=typical" ] } }
            """);

        var run = await FedHealthProcess.RunAsync("data", "check", "--config", path);

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Contains("cholesterol", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("patients", run.StdOut, StringComparison.Ordinal);
    }
}
