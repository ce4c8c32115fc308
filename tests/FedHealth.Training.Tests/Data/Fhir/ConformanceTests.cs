using FedHealth.Training.Data.Contracts;
using FedHealth.Training.Data.Fhir;
using FedHealth.Training.Data.Fhir.Synthetic;
using static FedHealth.Training.Tests.Data.Fhir.FhirSamples;

namespace FedHealth.Training.Tests.Data.Fhir;

public sealed class ConformanceTests
{
    private static readonly FhirCoding Chol = SyntheticFhirMapping.Cholesterol;

    [Fact]
    public void Present_missing_out_of_range_and_unconvertible_are_counted_per_feature()
    {
        using var file = Bundle(
            Patient("p1"),
            Patient("p2"),
            Patient("p3"),
            Observation("o1", "p1", Chol, "2023-01-01", 200, "mg/dL"),
            Observation("o2", "p2", Chol, "2023-01-01", 950, "mg/dL"),
            Observation("o3", "p3", Chol, "2023-01-01", 2, "g/L"),
            Observation("o4", "p3", new FhirCoding(CodeSystems.Loinc, "2345-7"), "2023-01-01", 90, "mg/dL"));

        var report = FhirDatasetReader.Read(file.Path, Mapping, strict: false).Conformance;

        var cholesterol = report.Features.Single(f => f.Feature == "cholesterol");
        Assert.Equal(new FeatureConformance("cholesterol", 2, 1, 1, 1), cholesterol);
        Assert.Equal(new FeatureConformance("bmi", 0, 3, 0, 0), report.Features.Single(f => f.Feature == "bmi"));
        Assert.Equal(3, report.Patients);
        Assert.Equal(1, report.Unmapped);
    }

    [Fact]
    public void The_synthetic_sites_differ_in_missingness_but_convert_everything()
    {
        var reports = SyntheticFhirGenerator.Generate(3, 200, seed: 42).Select(site =>
        {
            using var file = new Support.TempCsv(FhirResourceFiles.Serialize(site.Bundle), "site.json");
            return FhirDatasetReader.Read(file.Path, Mapping).Conformance;
        }).ToList();

        Assert.All(reports, r => Assert.All(r.Features, f => Assert.Equal(0, f.Unconvertible)));
        Assert.All(reports, r => Assert.Equal(200, r.Features[0].Present + r.Features[0].Missing));
        Assert.True(reports[2].Features.Single(f => f.Feature == "bmi").Missing > reports[0].Features.Single(f => f.Feature == "bmi").Missing / 2);
    }
}
