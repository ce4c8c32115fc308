namespace FedHealth.Training.Data.Omop;

/// <summary>One row of an event table as the reader needs it: its id, person, concept, when, and value and unit if any.</summary>
internal sealed record OmopEvent(long Id, long Person, int Concept, DateTimeOffset When, double? Value, int? Unit);
