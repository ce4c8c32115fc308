using Hl7.Fhir.Model;

namespace FedHealth.Training.Data.Fhir;

/// <summary>A FHIR resource with the file it was read from, for error messages.</summary>
public sealed record SourcedResource(string File, Resource Resource)
{
    /// <summary>"Observation/obs-12": how a message names the resource (never by a value it holds).</summary>
    public string Name => $"{Resource.TypeName}/{Resource.Id ?? "(no id)"}";
}
