using FedHealth.Training.Data.Contracts;
using Hl7.Fhir.Model;

namespace FedHealth.Training.Data.Fhir;

/// <summary>Folds Observations and Conditions into the patients' rows, counting what the contract cannot use.</summary>
internal sealed class ReadState(FhirMapping mapping, IReadOnlyDictionary<string, PatientSlot> patients)
{
    public int[] Unconvertible { get; } = new int[mapping.Features.Count];

    public int Unmapped { get; private set; }

    public DataValidationException? FirstUnconvertible { get; private set; }

    public void Add(SourcedResource sourced, Observation observation)
    {
        var codings = Codings(observation.Code);
        var matched = false;
        for (var f = 0; f < mapping.Features.Count; f++)
        {
            var feature = mapping.Features[f];
            if (feature.Source != FeatureSource.Observation || !feature.Matches(codings))
            {
                continue;
            }

            matched = true;
            var row = Patient(sourced, observation.Subject);
            if (When(observation.Effective) is not { } when || !TimeRule.InWindow(mapping.IndexDate, feature.WindowDays, when))
            {
                continue;
            }

            if (feature.Rule == TimeAggregation.Ever)
            {
                row.Values[f] = 1f;
                continue;
            }

            if (observation.Value is not Quantity { Value: { } value } quantity)
            {
                continue;
            }

            var unit = quantity.Code ?? quantity.Unit;
            if (unit == feature.Unit)
            {
                TimeRule.Fold(row, f, feature.Rule, when, (double)value);
            }
            else if (feature.Conversions.FirstOrDefault(c => c.From == unit) is { } conversion)
            {
                TimeRule.Fold(row, f, feature.Rule, when, conversion.Apply((double)value));
            }
            else
            {
                Unconvertible[f]++;
                FirstUnconvertible ??= new DataValidationException(
                    $"{sourced.Name}: unit '{unit}' cannot be converted to {feature.Unit} for feature '{feature.Name}' (the mapping converts from: {string.Join(", ", feature.Conversions.Select(c => c.From).DefaultIfEmpty("nothing"))}).",
                    sourced.File);
            }
        }

        Unmapped += matched ? 0 : 1;
    }

    public void Add(SourcedResource sourced, Condition condition)
    {
        var codings = Codings(condition.Code);
        var matched = false;
        if (mapping.Label.Matches(codings))
        {
            matched = true;
            Patient(sourced, condition.Subject).Label = 1;
        }

        matched |= Ever(sourced, FeatureSource.Condition, codings, condition.Subject, condition.Onset);
        Unmapped += matched ? 0 : 1;
    }

    public void AddMedication(SourcedResource sourced, CodeableConcept? medication, ResourceReference? subject, DataType? when)
    {
        Unmapped += Ever(sourced, FeatureSource.Medication, Codings(medication), subject, when) ? 0 : 1;
    }

    // Sets the ever/never features of this source that the codes match; true if any matched.
    private bool Ever(SourcedResource sourced, FeatureSource source, List<FhirCoding> codings, ResourceReference? subject, DataType? when)
    {
        var matched = false;
        for (var f = 0; f < mapping.Features.Count; f++)
        {
            var feature = mapping.Features[f];
            if (feature.Source != source || !feature.Matches(codings))
            {
                continue;
            }

            matched = true;
            var row = Patient(sourced, subject);
            if (When(when) is not { } date ? feature.WindowDays is null : TimeRule.InWindow(mapping.IndexDate, feature.WindowDays, date))
            {
                row.Values[f] = 1f;
            }
        }

        return matched;
    }

    private static List<FhirCoding> Codings(CodeableConcept? concept) =>
        concept?.Coding.Where(c => c.System is not null && c.Code is not null).Select(c => new FhirCoding(c.System!, c.Code!)).ToList() ?? [];

    private static DateTimeOffset? When(DataType? value) => value switch
    {
        FhirDateTime { Value: not null } dateTime when dateTime.TryToDateTimeOffset(TimeSpan.Zero, out var when) => when,
        Period { StartElement: { } start } when start.TryToDateTimeOffset(TimeSpan.Zero, out var from) => from,
        _ => null,
    };

    private PatientAccumulator Patient(SourcedResource sourced, ResourceReference? subject)
    {
        var reference = subject?.Reference;
        var id = reference switch
        {
            null => null,
            _ when reference.StartsWith("Patient/", StringComparison.Ordinal) => reference["Patient/".Length..],
            _ when reference.StartsWith("urn:uuid:", StringComparison.Ordinal) => reference["urn:uuid:".Length..],
            _ => reference,
        };
        return id is not null && patients.TryGetValue(id, out var slot)
            ? slot.Row
            : throw new DataValidationException($"{sourced.Name} refers to subject '{reference}', which is not a Patient in the source.", sourced.File);
    }
}
