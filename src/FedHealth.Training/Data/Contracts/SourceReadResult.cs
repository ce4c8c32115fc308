namespace FedHealth.Training.Data.Contracts;

/// <summary>The rows read from one site's source (FHIR or OMOP) and its conformance to the contract.</summary>
public sealed record SourceReadResult(RawDataset Dataset, ConformanceReport Conformance);
