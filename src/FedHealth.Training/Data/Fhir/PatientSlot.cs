namespace FedHealth.Training.Data.Fhir;

/// <summary>A patient's row and its position in the source.</summary>
internal sealed record PatientSlot(int Order, PatientAccumulator Row);
