using FedHealth.Training.Data.Fhir;
using Hl7.Fhir.Model;
using static FedHealth.Training.Tests.Data.Fhir.FhirSamples;

namespace FedHealth.Training.Tests.Data.Fhir;

public sealed class MedicationTests
{
    private static readonly FhirCoding Atorvastatin = new(CodeSystems.RxNorm, "83367");

    private static readonly FhirMapping WithStatin = Mapping with
    {
        Features = [.. Mapping.Features, new FhirFeature("statin", FeatureSource.Medication) { Codes = [Atorvastatin] }],
    };

    [Fact]
    public void A_medication_before_the_index_date_is_ever_and_one_after_is_never()
    {
        using var file = Bundle(
            Patient("p1"),
            Patient("p2"),
            Patient("p3"),
            new MedicationStatement
            {
                Id = "m1",
                Status = MedicationStatement.MedicationStatusCodes.Active,
                Medication = new CodeableConcept(Atorvastatin.System, Atorvastatin.Code),
                Subject = new ResourceReference("Patient/p1"),
                Effective = new FhirDateTime("2021-05-01"),
            },
            new MedicationRequest
            {
                Id = "m2",
                Status = MedicationRequest.MedicationrequestStatus.Active,
                Intent = MedicationRequest.MedicationRequestIntent.Order,
                Medication = new CodeableConcept(Atorvastatin.System, Atorvastatin.Code),
                Subject = new ResourceReference("Patient/p2"),
                AuthoredOnElement = new FhirDateTime("2024-03-01"),
            });

        var rows = FhirDatasetReader.Read(file.Path, WithStatin, strict: false).Dataset.Sites.Single().Rows;

        var statin = rows.Columns - 1;
        Assert.Equal([1f, 0f, 0f], Enumerable.Range(0, rows.Rows).Select(r => rows.Row(r)[statin]));
    }
}
