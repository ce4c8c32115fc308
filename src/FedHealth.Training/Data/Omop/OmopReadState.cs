using System.Globalization;
using FedHealth.Training.Data.Contracts;
using FedHealth.Training.Data.Fhir;

namespace FedHealth.Training.Data.Omop;

/// <summary>Folds event rows into the cohort's rows by the contract, counting units it cannot convert.</summary>
internal sealed class OmopReadState(OmopCohort cohort, IReadOnlyDictionary<long, PatientAccumulator> persons, string source)
{
    public int[] Unconvertible { get; } = new int[cohort.Features.Count];

    public DataValidationException? FirstUnconvertible { get; private set; }

    /// <summary>A measurement or observation row: the last value on or before the index date, in the feature's unit.</summary>
    public void AddValue(OmopTable table, OmopEvent row)
    {
        if (!persons.TryGetValue(row.Person, out var person))
        {
            return;
        }

        for (var f = 0; f < cohort.Features.Count; f++)
        {
            var feature = cohort.Features[f];
            if (OmopTable.For(feature.Source) != table || !feature.Concepts.Contains(row.Concept) || !TimeRule.InWindow(cohort.IndexDate, feature.WindowDays, row.When))
            {
                continue;
            }

            if (feature.Rule == TimeAggregation.Ever)
            {
                person.Values[f] = 1f;
                continue;
            }

            if (row.Value is not { } value)
            {
                continue;
            }

            if (row.Unit == feature.UnitConcept)
            {
                TimeRule.Fold(person, f, feature.Rule, row.When, value);
            }
            else if (feature.Conversions.FirstOrDefault(c => c.FromUnitConcept == row.Unit) is { } conversion)
            {
                TimeRule.Fold(person, f, feature.Rule, row.When, conversion.Apply(value));
            }
            else
            {
                Unconvertible[f]++;
                FirstUnconvertible ??= new DataValidationException(
                    $"{table.Name} row {row.Id}: unit concept {row.Unit?.ToString(CultureInfo.InvariantCulture) ?? "(none)"} cannot be converted to {feature.UnitConcept} for feature '{feature.Name}' (the cohort converts from: {string.Join(", ", feature.Conversions.Select(c => c.FromUnitConcept.ToString(CultureInfo.InvariantCulture)).DefaultIfEmpty("nothing"))}).",
                    source);
            }
        }
    }

    /// <summary>A condition_occurrence or drug_exposure row: ever/never by the index date, and (conditions) the label at any time.</summary>
    public void AddEver(OmopTable table, OmopEvent row)
    {
        if (!persons.TryGetValue(row.Person, out var person))
        {
            return;
        }

        if (table == OmopTable.Condition && cohort.Label.Concepts.Contains(row.Concept))
        {
            person.Label = 1;
        }

        for (var f = 0; f < cohort.Features.Count; f++)
        {
            var feature = cohort.Features[f];
            if (OmopTable.For(feature.Source) == table && feature.Concepts.Contains(row.Concept) && TimeRule.InWindow(cohort.IndexDate, feature.WindowDays, row.When))
            {
                person.Values[f] = 1f;
            }
        }
    }
}
