namespace FedHealth.Training.Data.Fhir;

/// <summary>The outcome: 1 if the patient has a Condition with one of <see cref="Codes"/> at any time, else 0.</summary>
public sealed record FhirLabel(string Name, IReadOnlyList<FhirCoding> Codes)
{
    public bool Matches(IEnumerable<FhirCoding> codings) => codings.Any(Codes.Contains);
}
