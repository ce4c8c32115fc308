using FedHealth.Training.Data.Fhir;
using FedHealth.Training.Data.Fhir.Synthetic;
using FedHealth.Training.Tests.Support;
using Hl7.Fhir.Model;

namespace FedHealth.Training.Tests.Data.Fhir;

/// <summary>Small FHIR R4 bundles built with the SDK's classes, written to a temporary file.</summary>
internal static class FhirSamples
{
    public static readonly FhirMapping Mapping = SyntheticFhirMapping.Create();

    public static Patient Patient(string id, string birthDate = "1960-06-15", AdministrativeGender gender = AdministrativeGender.Male) =>
        new() { Id = id, BirthDate = birthDate, Gender = gender };

    public static Observation Observation(string id, string patient, FhirCoding code, string date, decimal value, string unit) => new()
    {
        Id = id,
        Status = ObservationStatus.Final,
        Code = new CodeableConcept(code.System, code.Code),
        Subject = new ResourceReference($"Patient/{patient}"),
        Effective = new FhirDateTime(date),
        Value = new Quantity { Value = value, Unit = unit, Code = unit, System = "http://unitsofmeasure.org" },
    };

    public static Condition Condition(string id, string patient, FhirCoding code, string onset) => new()
    {
        Id = id,
        Code = new CodeableConcept(code.System, code.Code),
        Subject = new ResourceReference($"Patient/{patient}"),
        Onset = new FhirDateTime(onset),
    };

    public static TempCsv Bundle(params Resource[] resources)
    {
        var bundle = new Bundle { Type = Hl7.Fhir.Model.Bundle.BundleType.Collection };
        foreach (var resource in resources)
        {
            bundle.Entry.Add(new Bundle.EntryComponent { Resource = resource });
        }

        return new TempCsv(FhirResourceFiles.Serialize(bundle), "bundle.json");
    }
}
