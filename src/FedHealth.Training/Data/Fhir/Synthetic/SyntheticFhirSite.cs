using Hl7.Fhir.Model;

namespace FedHealth.Training.Data.Fhir.Synthetic;

/// <summary>
/// One synthetic site: its FHIR R4 Bundle and the CSV twin of the same patients (the feature rows
/// the mapping should yield, already in the contract's units), to check the reader against.
/// </summary>
public sealed record SyntheticFhirSite(string Name, Bundle Bundle, string CsvTwin);
