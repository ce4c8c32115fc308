namespace FedHealth.Training.Data.Fhir;

/// <summary>A code in a code system, as FHIR's <c>Coding</c> names it (system URI and code).</summary>
public sealed record FhirCoding(string System, string Code);
