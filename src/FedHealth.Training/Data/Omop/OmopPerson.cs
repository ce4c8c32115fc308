using FedHealth.Training.Data.Fhir;

namespace FedHealth.Training.Data.Omop;

/// <summary>A person of the cohort and the row being built for them.</summary>
internal sealed record OmopPerson(long Id, PatientAccumulator Row);
