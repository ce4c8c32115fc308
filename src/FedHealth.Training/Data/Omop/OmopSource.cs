namespace FedHealth.Training.Data.Omop;

/// <summary>Which OMOP CDM table a feature's value comes from, and how it is aggregated over time.</summary>
public enum OmopSource
{
    /// <summary>Whole years from person.year_of_birth (month_of_birth, day_of_birth when given) to the index date.</summary>
    PersonAge,

    /// <summary>person.gender_concept_id: 8507 (male) 1, 8532 (female) 0, anything else missing.</summary>
    PersonSex,

    /// <summary>The last measurement row with one of the concepts on or before the index date (value_as_number, in the feature's unit).</summary>
    Measurement,

    /// <summary>The last observation row with one of the concepts on or before the index date (value_as_number, in the feature's unit).</summary>
    Observation,

    /// <summary>1 if a condition_occurrence with one of the concepts started on or before the index date, else 0.</summary>
    Condition,

    /// <summary>1 if a drug_exposure with one of the concepts started on or before the index date, else 0.</summary>
    Drug,
}
