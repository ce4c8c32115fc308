namespace FedHealth.Training.Data.Omop;

/// <summary>
/// An OMOP CDM v5.4 event table as the reader uses it: its row id, person, concept and date columns,
/// and (measurement, observation) the value and unit. Fixed names, never taken from configuration.
/// </summary>
public sealed record OmopTable(string Name, string Id, string Concept, string Date, string DateTime, string? Value = null, string? Unit = null)
{
    public static readonly OmopTable Measurement = new(
        "measurement", "measurement_id", "measurement_concept_id", "measurement_date", "measurement_datetime", "value_as_number", "unit_concept_id");

    public static readonly OmopTable Observation = new(
        "observation", "observation_id", "observation_concept_id", "observation_date", "observation_datetime", "value_as_number", "unit_concept_id");

    public static readonly OmopTable Condition = new(
        "condition_occurrence", "condition_occurrence_id", "condition_concept_id", "condition_start_date", "condition_start_datetime");

    public static readonly OmopTable Drug = new(
        "drug_exposure", "drug_exposure_id", "drug_concept_id", "drug_exposure_start_date", "drug_exposure_start_datetime");

    public static readonly IReadOnlyList<string> PersonColumns =
        ["person_id", "gender_concept_id", "year_of_birth", "month_of_birth", "day_of_birth"];

    public static readonly IReadOnlyList<string> ObservationPeriodColumns =
        ["person_id", "observation_period_start_date", "observation_period_end_date"];

    public IReadOnlyList<string> Columns =>
        new[] { Id, "person_id", Concept, Date, DateTime, Value, Unit }.OfType<string>().ToList();

    public static OmopTable? For(OmopSource source) => source switch
    {
        OmopSource.Measurement => Measurement,
        OmopSource.Observation => Observation,
        OmopSource.Condition => Condition,
        OmopSource.Drug => Drug,
        _ => null,
    };
}
