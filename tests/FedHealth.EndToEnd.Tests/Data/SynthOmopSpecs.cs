using FedHealth.EndToEnd.Tests.Support;
using FedHealth.Training.Data.Csv;
using FedHealth.Training.Data.Omop;
using FedHealth.Training.Data.Omop.Synthetic;
using FedHealth.Training.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Data;

/// <summary>`fedhealth data synth-omop` writes OMOP CSV tables that `data load-omop DIR` loads and the OMOP connector reads as their CSV twins.</summary>
public sealed class SynthOmopSpecs(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    private const int Patients = 60;

    [Fact]
    public async Task Synth_omop_tables_loaded_from_their_folder_read_as_the_csv_twin_of_every_site()
    {
        var folder = FedHealthProcess.TempFolder();
        var environment = new Dictionary<string, string> { ["FEDHEALTH_SITE_OMOP"] = postgres.ConnectionString };

        var synth = await FedHealthProcess.RunAsync("data", "synth-omop", "--sites", "2", "--patients", $"{Patients}", "--seed", "11", "--out", folder);
        var load = await FedHealthProcess.RunAsync(environment, "data", "load-omop", "--connection-variable", "FEDHEALTH_SITE_OMOP", "--schema-prefix", "csv_", folder);

        Assert.True(synth.ExitCode == 0, synth.StdErr);
        Assert.True(load.ExitCode == 0, load.StdErr);
        Assert.Equal(["csv_1", "csv_2"], load.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var table in OmopCsvTables.Files)
        {
            Assert.True(File.Exists(Path.Combine(folder, "site-1", table)), table);
        }

        for (var k = 1; k <= 2; k++)
        {
            var twin = CsvDatasetLoader.Load(Path.Combine(folder, $"site-{k}.csv"), new CsvOptions("cardiac_event") { IgnoreColumns = ["patient_id"], AllowSingleClassSites = true })
                .Sites.Single().Rows;
            var read = OmopDatasetReader.Read(postgres.Omop($"csv_{k}"), SyntheticOmop.Cohort()).Dataset.Sites.Single().Rows;

            Assert.Equal(string.Join(",", twin.FeatureNames), string.Join(",", read.FeatureNames));
            Assert.Equal(twin.Labels, read.Labels);
            Assert.Equal(twin.Features, read.Features);
        }
    }

    [Fact]
    public async Task A_malformed_omop_csv_is_refused_naming_its_file_line_and_column_and_nothing_is_loaded()
    {
        var folder = FedHealthProcess.TempFolder();
        var synth = await FedHealthProcess.RunAsync("data", "synth-omop", "--sites", "1", "--patients", "5", "--out", folder);
        var measurement = Path.Combine(folder, "site-1", "measurement.csv");
        var lines = await File.ReadAllLinesAsync(measurement);
        var cells = lines[2].Split(',');
        cells[3] = "03/04/2023";
        lines[2] = string.Join(',', cells);
        await File.WriteAllLinesAsync(measurement, lines);

        var load = await FedHealthProcess.RunAsync(
            new Dictionary<string, string> { ["FEDHEALTH_SITE_OMOP"] = postgres.ConnectionString }, "data", "load-omop", "--connection-variable", "FEDHEALTH_SITE_OMOP", "--schema-prefix", "bad_", folder);

        Assert.True(synth.ExitCode == 0, synth.StdErr);
        load.AssertRefusedWith("measurement.csv");
        var message = string.Join(' ', load.StdErr.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)); // the terminal wraps long lines
        Assert.Contains("measurement.csv, line 3, column 'measurement_date': Not a date (yyyy-MM-dd).", message, StringComparison.Ordinal);
        using var connection = postgres.Open();
        using var schemas = new Npgsql.NpgsqlCommand("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'bad_1'", connection);
        Assert.Equal(0L, schemas.ExecuteScalar());
    }
}
