namespace FedHealth.Training.Data.Omop.Synthetic;

/// <summary>A row of an OMOP event table (measurement, condition_occurrence): id, person, concept, when, and value and unit if any.</summary>
public sealed record OmopEventRow(long Id, long PersonId, int ConceptId, DateTime When, decimal? Value = null, int? UnitConceptId = null);
