namespace FedHealth.Training.Data.Contracts;

/// <summary>
/// A site's conformance to the data contract: aggregates only, never a patient value, so it can
/// be shown to anyone. <see cref="Unmapped"/> counts the source's records with no code the
/// contract knows (FHIR Observations, Conditions and medications; OMOP event rows).
/// </summary>
public sealed record ConformanceReport(string Source, int Patients, IReadOnlyList<FeatureConformance> Features, int Unmapped);
