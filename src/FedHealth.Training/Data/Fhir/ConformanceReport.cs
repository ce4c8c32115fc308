namespace FedHealth.Training.Data.Fhir;

/// <summary>
/// A site's conformance to the data contract: aggregates only, never a patient value, so it can
/// be shown to anyone. <see cref="Unmapped"/> counts Observations and Conditions with no code the
/// contract knows.
/// </summary>
public sealed record ConformanceReport(string Source, int Patients, IReadOnlyList<FeatureConformance> Features, int Unmapped);
