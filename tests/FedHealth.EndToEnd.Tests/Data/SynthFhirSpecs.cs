using FedHealth.EndToEnd.Tests.Support;
using FedHealth.Training.Data.Csv;
using FedHealth.Training.Data.Fhir;

namespace FedHealth.EndToEnd.Tests.Data;

/// <summary>
/// `data synth-fhir` then the FHIR reader: for every site, the feature rows read from the Bundle
/// (after unit conversion) equal those of the CSV twin the generator wrote for the same patients,
/// and `data check` prints the conformance table.
/// </summary>
public sealed class SynthFhirSpecs
{
    [Fact]
    public async Task Synthetic_fhir_sites_read_as_their_csv_twins_and_pass_the_data_check()
    {
        var folder = FedHealthProcess.TempFolder();
        var synth = await FedHealthProcess.RunAsync("data", "synth-fhir", "--sites", "3", "--patients", "500", "--seed", "42", "--out", folder);
        Assert.True(synth.ExitCode == 0, synth.StdErr);

        var mapping = FhirMapping.Load(Path.Combine(folder, "mapping.json"));
        var compared = new[] { "site-1", "site-2", "site-3" }
            .Sum(site => AssertSameRows(Path.Combine(folder, site + ".json"), Path.Combine(folder, site + ".csv"), mapping));

        Assert.True(compared > 3 * 500 * 5, $"only {compared} values compared");

        var config = Path.Combine(folder, "node.json");
        await File.WriteAllTextAsync(config, $$"""
            { "Node": { "SiteId": "site-2", "Coordinator": { "Host": "localhost", "Port": 7000 },
                        "Data": { "Kind": "fhir", "Path": "{{Path.Combine(folder, "site-2.json")}}", "Mapping": "{{Path.Combine(folder, "mapping.json")}}" } },
              "Schema": { "Label": "cardiac_event", "Columns": [ "age", "sex", "cholesterol", "systolic_bp", "bmi", "diabetes" ] } }
            """);
        var check = await FedHealthProcess.RunAsync("data", "check", "--config", config);

        Assert.True(check.ExitCode == 0, check.StdErr);
        Assert.Contains("cholesterol", check.StdOut, StringComparison.Ordinal);
        Assert.Contains("unconvertible", check.StdOut, StringComparison.Ordinal);
        Assert.Contains("500 patients", check.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ndjson_bulk_export_folders_read_as_their_csv_twins_too()
    {
        var folder = FedHealthProcess.TempFolder();
        var synth = await FedHealthProcess.RunAsync("data", "synth-fhir", "--sites", "2", "--patients", "100", "--seed", "9", "--format", "ndjson", "--out", folder);
        Assert.True(synth.ExitCode == 0, synth.StdErr);

        var mapping = FhirMapping.Load(Path.Combine(folder, "mapping.json"));

        Assert.True(File.Exists(Path.Combine(folder, "site-2", "Observation.ndjson")));
        Assert.True(AssertSameRows(Path.Combine(folder, "site-2"), Path.Combine(folder, "site-2.csv"), mapping) > 100 * 5);
    }

    [Fact]
    public async Task Data_check_refuses_a_mapping_feature_the_schema_lacks()
    {
        var folder = FedHealthProcess.TempFolder();
        var synth = await FedHealthProcess.RunAsync("data", "synth-fhir", "--sites", "1", "--patients", "20", "--out", folder);
        Assert.True(synth.ExitCode == 0, synth.StdErr);
        var config = Path.Combine(folder, "node.json");
        await File.WriteAllTextAsync(config, $$"""
            { "Node": { "Data": { "Kind": "fhir", "Path": "{{Path.Combine(folder, "site-1.json")}}", "Mapping": "{{Path.Combine(folder, "mapping.json")}}" } },
              "Schema": { "Label": "cardiac_event", "Columns": [ "age", "sex", "cholesterol", "systolic_bp", "diabetes" ] } }
            """);

        var check = await FedHealthProcess.RunAsync("data", "check", "--config", config);

        check.AssertRefusedWith("'bmi'");
    }

    /// <summary>The rows read from FHIR equal the CSV twin's, value for value (1e-9) and missing for missing; returns how many values were compared.</summary>
    private static int AssertSameRows(string fhirPath, string csvPath, FhirMapping mapping)
    {
        var fhir = FhirDatasetReader.Read(fhirPath, mapping).Dataset.Sites.Single().Rows;
        var csv = CsvDatasetLoader.Load(csvPath, new CsvOptions(mapping.Label.Name) { IgnoreColumns = ["patient_id"] }).Sites.Single().Rows;

        Assert.Equal(string.Join(',', csv.FeatureNames), string.Join(',', fhir.FeatureNames));
        Assert.Equal(csv.Labels, fhir.Labels);
        Assert.Equal(csv.Features.Length, fhir.Features.Length);
        var compared = 0;
        for (var i = 0; i < csv.Features.Length; i++)
        {
            Assert.Equal(float.IsNaN(csv.Features[i]), float.IsNaN(fhir.Features[i]));
            if (!float.IsNaN(csv.Features[i]))
            {
                Assert.Equal(csv.Features[i], fhir.Features[i], 1e-9);
                compared++;
            }
        }

        return compared;
    }
}
