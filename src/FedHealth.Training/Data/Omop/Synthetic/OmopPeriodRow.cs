namespace FedHealth.Training.Data.Omop.Synthetic;

/// <summary>A row of the OMOP observation_period table.</summary>
public sealed record OmopPeriodRow(long Id, long PersonId, DateOnly Start, DateOnly End);
