namespace FedHealth.Training.Data.Fhir;

/// <summary>The rows read from a FHIR source (one site) and its conformance to the contract.</summary>
public sealed record FhirReadResult(RawDataset Dataset, ConformanceReport Conformance);
