using FedHealth.Training.Data.Csv;
using FedHealth.Training.Data.Fhir;
using FedHealth.Training.Data.Fhir.Synthetic;
using FedHealth.Training.Tests.Support;
using static FedHealth.Training.Tests.Data.Fhir.FhirSamples;

namespace FedHealth.Training.Tests.Data.Fhir;

public sealed class FhirDatasetReaderTests
{
    private static readonly FhirCoding Chol = SyntheticFhirMapping.Cholesterol;

    [Fact]
    public void The_last_observation_on_or_before_the_index_date_is_the_value()
    {
        using var file = Bundle(
            Patient("p1"),
            Observation("o1", "p1", Chol, "2022-03-01", 180, "mg/dL"),
            Observation("o2", "p1", Chol, "2023-11-30", 210, "mg/dL"),
            Observation("o3", "p1", Chol, "2024-02-01", 300, "mg/dL"));

        var rows = FhirDatasetReader.Read(file.Path, Mapping, strict: false).Dataset.Sites.Single().Rows;

        Assert.Equal(210f, rows.Row(0)[Mapping.FeatureNames.ToList().IndexOf("cholesterol")]);
    }

    [Fact]
    public void Age_sex_conditions_and_the_label_follow_the_mapping()
    {
        using var file = Bundle(
            Patient("p1", "1960-06-15", Hl7.Fhir.Model.AdministrativeGender.Female),
            Patient("p2", "1950-01-01", Hl7.Fhir.Model.AdministrativeGender.Unknown),
            Condition("c1", "p1", SyntheticFhirMapping.DiabetesIcd10, "2020-01-01"),
            Condition("c2", "p2", SyntheticFhirMapping.DiabetesSnomed, "2025-01-01"),
            Condition("c3", "p2", SyntheticFhirMapping.MyocardialInfarctionSnomed, "2024-05-01"));

        var rows = FhirDatasetReader.Read(file.Path, Mapping, strict: false).Dataset.Sites.Single().Rows;

        // age, sex, cholesterol, systolic_bp, bmi, diabetes
        Assert.Equal([63f, 0f, float.NaN, float.NaN, float.NaN, 1f], rows.Row(0).ToArray());
        Assert.Equal([74f, float.NaN, float.NaN, float.NaN, float.NaN, 0f], rows.Row(1).ToArray());
        Assert.Equal([0, 1], rows.Labels);
    }

    [Fact]
    public void Mmol_per_litre_is_converted_to_the_contracts_mg_per_dl()
    {
        using var file = Bundle(Patient("p1"), Observation("o1", "p1", Chol, "2023-01-01", 5.17m, "mmol/L"));

        var rows = FhirDatasetReader.Read(file.Path, Mapping, strict: false).Dataset.Sites.Single().Rows;

        Assert.Equal((float)(5.17 * 38.67), rows.Row(0)[2]);
    }

    [Fact]
    public void A_local_code_alone_is_read_when_the_mapping_lists_it()
    {
        using var file = Bundle(Patient("p1"), Observation("o1", "p1", SyntheticFhirMapping.LocalCholesterol, "2023-01-01", 199, "mg/dL"));

        var rows = FhirDatasetReader.Read(file.Path, Mapping, strict: false).Dataset.Sites.Single().Rows;

        Assert.Equal(199f, rows.Row(0)[2]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Every_synthetic_site_reads_as_its_csv_twin(int site)
    {
        var generated = SyntheticFhirGenerator.Generate(3, 120, seed: 7)[site];
        using var bundle = new TempCsv(FhirResourceFiles.Serialize(generated.Bundle), "site.json");
        using var twin = new TempCsv(generated.CsvTwin);

        var fromFhir = FhirDatasetReader.Read(bundle.Path, Mapping).Dataset.Sites.Single().Rows;
        var fromCsv = CsvDatasetLoader.Load(twin.Path, new CsvOptions("cardiac_event") { IgnoreColumns = ["patient_id"] }).Sites.Single().Rows;

        Assert.Equal(string.Join(',', fromCsv.FeatureNames), string.Join(',', fromFhir.FeatureNames));
        Assert.Equal(fromCsv.Labels, fromFhir.Labels);
        Assert.Equal(fromCsv.Features.Length, fromFhir.Features.Length);
        for (var i = 0; i < fromCsv.Features.Length; i++)
        {
            Assert.Equal(float.IsNaN(fromCsv.Features[i]), float.IsNaN(fromFhir.Features[i]));
            if (!float.IsNaN(fromCsv.Features[i]))
            {
                Assert.Equal(fromCsv.Features[i], fromFhir.Features[i], 1e-9);
            }
        }

        Assert.Contains(fromFhir.Features, float.IsNaN);
    }

    [Fact]
    public void An_ndjson_directory_reads_like_its_bundle()
    {
        var generated = SyntheticFhirGenerator.Generate(1, 40, seed: 3)[0];
        using var bundle = new TempCsv(FhirResourceFiles.Serialize(generated.Bundle), "site.json");
        var folder = Path.Combine(Path.GetTempPath(), "fedhealth-ndjson-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var type in generated.Bundle.Entry.Select(e => e.Resource!).GroupBy(r => r.TypeName))
            {
                File.WriteAllLines(Path.Combine(folder, type.Key + ".ndjson"), type.Select(r => FhirResourceFiles.Serialize(r)));
            }

            var fromNdjson = FhirDatasetReader.Read(folder, Mapping).Dataset.Sites.Single().Rows;
            var fromBundle = FhirDatasetReader.Read(bundle.Path, Mapping).Dataset.Sites.Single().Rows;

            Assert.Equal(fromBundle.Labels, fromNdjson.Labels);
            Assert.Equal(fromBundle.Features, fromNdjson.Features);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_sites()
    {
        var a = SyntheticFhirGenerator.Generate(2, 30, seed: 5);
        var b = SyntheticFhirGenerator.Generate(2, 30, seed: 5);
        var c = SyntheticFhirGenerator.Generate(2, 30, seed: 6);

        Assert.Equal(a.Select(s => FhirResourceFiles.Serialize(s.Bundle)), b.Select(s => FhirResourceFiles.Serialize(s.Bundle)));
        Assert.NotEqual(a[0].CsvTwin, c[0].CsvTwin);
    }
}
