using FedHealth.Training.Data;
using FedHealth.Training.Data.Fhir;
using FedHealth.Training.Data.Fhir.Synthetic;
using FedHealth.Training.Tests.Support;
using static FedHealth.Training.Tests.Data.Fhir.FhirSamples;

namespace FedHealth.Training.Tests.Data.Fhir;

public sealed class FhirBadInputTests
{
    [Fact]
    public void Malformed_json_is_refused_naming_the_file()
    {
        using var file = new TempCsv("{\"resourceType\": \"Bundle\", \"entry\": [", "broken.json");

        var error = Assert.Throws<DataValidationException>(() => FhirDatasetReader.Read(file.Path, Mapping));

        Assert.Equal(file.Path, error.File);
        Assert.Contains("Malformed JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_ndjson_names_the_line()
    {
        using var file = new TempCsv("{\"resourceType\":\"Patient\",\"id\":\"p1\"}\n{not json}\n", "Patient.ndjson");

        var error = Assert.Throws<DataValidationException>(() => FhirDatasetReader.Read(file.Path, Mapping));

        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void A_stu3_only_resource_is_refused_as_not_r4()
    {
        // ProcedureRequest exists in STU3 only (R4 replaced it with ServiceRequest).
        using var file = new TempCsv(
            "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"ProcedureRequest\",\"id\":\"x\"}}]}", "stu3.json");

        var error = Assert.Throws<DataValidationException>(() => FhirDatasetReader.Read(file.Path, Mapping));

        Assert.Equal(file.Path, error.File);
        Assert.Contains("Not valid FHIR R4", error.Message, StringComparison.Ordinal);
        Assert.Contains("ProcedureRequest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_value_is_located_but_not_repeated_in_the_error()
    {
        using var file = new TempCsv(
            "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"birthDate\":\"19x0-01-01\",\"gender\":\"private-value\"}", "patient.json");

        var error = Assert.Throws<DataValidationException>(() => FhirDatasetReader.Read(file.Path, Mapping));

        Assert.Contains("birthDate", error.Message, StringComparison.Ordinal);
        Assert.Contains("gender", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("19x0", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("private-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fhir_version_other_than_4_is_refused()
    {
        using var file = new TempCsv("{\"resourceType\":\"Bundle\",\"fhirVersion\":\"3.0.2\",\"type\":\"collection\"}", "old.json");

        var error = Assert.Throws<DataValidationException>(() => FhirDatasetReader.Read(file.Path, Mapping));

        Assert.Contains("fhirVersion is '3.0.2'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_code_system_in_the_mapping_is_refused_naming_the_feature()
    {
        var mapping = Mapping with
        {
            Features = [.. Mapping.Features.Select(f => f.Name == "bmi" ? f with { Codes = [new FhirCoding("http://example.org/bmi", "B")] } : f)],
        };

        var error = Assert.Throws<DataValidationException>(() => mapping.Validate("mapping.json"));

        Assert.Contains("Unknown code system 'http://example.org/bmi'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'bmi'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unconvertible_unit_is_refused_naming_the_resource()
    {
        using var file = Bundle(Patient("p1"), Observation("obs-9", "p1", SyntheticFhirMapping.Cholesterol, "2023-01-01", 2, "g/L"));

        var error = Assert.Throws<DataValidationException>(() => FhirDatasetReader.Read(file.Path, Mapping));

        Assert.Equal(file.Path, error.File);
        Assert.Contains("Observation/obs-9", error.Message, StringComparison.Ordinal);
        Assert.Contains("unit 'g/L' cannot be converted to mg/dL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feature_with_no_value_at_the_site_is_refused_for_training_but_counted_by_the_check()
    {
        using var file = Bundle(Patient("p1"), Patient("p2"));

        var error = Assert.Throws<DataValidationException>(() => FhirDatasetReader.Read(file.Path, Mapping));
        var report = FhirDatasetReader.Read(file.Path, Mapping, strict: false).Conformance;

        Assert.Contains("Feature 'cholesterol' has no value for any of the 2 patients", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, report.Features.Single(f => f.Feature == "cholesterol").Missing);
    }

    [Fact]
    public void A_mapping_feature_the_schema_lacks_is_refused()
    {
        var error = Assert.Throws<DataValidationException>(
            () => Mapping.CheckAgainst(["age", "sex", "cholesterol", "systolic_bp", "diabetes"], "cardiac_event", "mapping.json"));

        Assert.Contains("feature 'bmi', which the study schema lacks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_feature_without_a_mapping_is_refused()
    {
        var error = Assert.Throws<DataValidationException>(
            () => Mapping.CheckAgainst([.. Mapping.FeatureNames, "smoker"], "cardiac_event", "mapping.json"));

        Assert.Contains("'smoker' is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_observation_for_an_unknown_patient_is_refused()
    {
        using var file = Bundle(Patient("p1"), Observation("o1", "p404", SyntheticFhirMapping.Cholesterol, "2023-01-01", 200, "mg/dL"));

        var error = Assert.Throws<DataValidationException>(() => FhirDatasetReader.Read(file.Path, Mapping));

        Assert.Contains("Observation/o1 refers to subject 'Patient/p404'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_file_round_trips_and_a_broken_one_is_named()
    {
        using var good = new TempCsv(Mapping.ToJson(), "mapping.json");
        using var bad = new TempCsv("{\"indexDate\": \"2024-01-01\", \"features\": [", "mapping.json");

        Assert.Equal(Mapping.FeatureNames, FhirMapping.Load(good.Path).FeatureNames);
        Assert.Equal(bad.Path, Assert.Throws<DataValidationException>(() => FhirMapping.Load(bad.Path)).File);
    }
}
