using FedHealth.Training.Data.Contracts;
using Hl7.Fhir.Model;

namespace FedHealth.Training.Data.Fhir;

/// <summary>
/// Turns one site's FHIR R4 resources into the feature rows the CSV loader produces, by the
/// mapping: one row per Patient (in the order read), the features in the mapping's order, the
/// label from its Condition codes. See docs/data.md.
/// </summary>
public static class FhirDatasetReader
{
    /// <summary>The site id of the rows (a FHIR source holds one site).</summary>
    public const string SingleSiteId = ContractRows.SingleSiteId;

    /// <param name="strict">Refuse resources whose unit cannot be converted and features with no value at all (training); false only counts them (<c>data check</c>).</param>
    /// <exception cref="DataValidationException">Unreadable or non-R4 files, a resource that refers to an unknown patient, or (strict) an unconvertible unit or a feature with no values.</exception>
    public static SourceReadResult Read(string path, FhirMapping mapping, bool strict = true) =>
        Read(path, FhirResourceFiles.Read(path), mapping, strict);

    /// <summary>The same, for resources already read (from files or a FHIR server); <paramref name="source"/> names them in messages.</summary>
    /// <exception cref="DataValidationException">A resource that refers to an unknown patient, or (strict) an unconvertible unit or a feature with no values.</exception>
    public static SourceReadResult Read(string source, IReadOnlyList<SourcedResource> resources, FhirMapping mapping, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(mapping);
        var patients = Patients(source, resources, mapping);
        var state = new ReadState(mapping, patients);
        foreach (var sourced in resources)
        {
            switch (sourced.Resource)
            {
                case Observation observation:
                    state.Add(sourced, observation);
                    break;
                case Condition condition:
                    state.Add(sourced, condition);
                    break;
                case MedicationRequest request:
                    state.AddMedication(sourced, request.Medication as CodeableConcept, request.Subject, request.AuthoredOnElement);
                    break;
                case MedicationStatement statement:
                    state.AddMedication(sourced, statement.Medication as CodeableConcept, statement.Subject, statement.Effective);
                    break;
            }
        }

        if (strict && state.FirstUnconvertible is { } problem)
        {
            throw problem;
        }

        var rows = patients.Values.OrderBy(p => p.Order).Select(p => p.Row).ToList();
        var features = mapping.Features.Select(f => new ContractFeature(f.Name, f.Min, f.Max)).ToList();
        return ContractRows.Build(source, mapping.Label.Name, features, rows, state.Unconvertible, state.Unmapped, strict);
    }

    private static Dictionary<string, PatientSlot> Patients(string source, IReadOnlyList<SourcedResource> resources, FhirMapping mapping)
    {
        var patients = new Dictionary<string, PatientSlot>(StringComparer.Ordinal);
        foreach (var sourced in resources)
        {
            if (sourced.Resource is not Patient patient)
            {
                continue;
            }

            if (string.IsNullOrEmpty(patient.Id))
            {
                throw new DataValidationException("A Patient has no id, so nothing can refer to it.", sourced.File);
            }

            var row = new PatientAccumulator(mapping.Features.Count);
            for (var f = 0; f < mapping.Features.Count; f++)
            {
                row.Values[f] = mapping.Features[f].Source switch
                {
                    FeatureSource.PatientAge => PatientAge.TryParseDate(patient.BirthDate, out var birth) ? PatientAge.At(birth, mapping.IndexDate) : float.NaN,
                    FeatureSource.PatientSex => patient.Gender switch
                    {
                        AdministrativeGender.Male => 1f,
                        AdministrativeGender.Female => 0f,
                        _ => float.NaN,
                    },
                    _ when mapping.Features[f].Rule == TimeAggregation.Ever => 0f,
                    _ => float.NaN,
                };
            }

            if (!patients.TryAdd(patient.Id, new PatientSlot(patients.Count, row)))
            {
                throw new DataValidationException($"Patient/{patient.Id} appears twice.", sourced.File);
            }
        }

        return patients.Count > 0 ? patients : throw new DataValidationException("The source has no Patient resources.", resources.Count > 0 ? resources[0].File : source);
    }
}
