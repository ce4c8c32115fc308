namespace FedHealth.Training.Data.Omop.Synthetic;

/// <summary>A row of the OMOP person table (the columns the reader uses).</summary>
public sealed record OmopPersonRow(long PersonId, int GenderConceptId, int YearOfBirth, int? MonthOfBirth, int? DayOfBirth);
