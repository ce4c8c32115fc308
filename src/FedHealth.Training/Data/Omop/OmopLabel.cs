namespace FedHealth.Training.Data.Omop;

/// <summary>The outcome: 1 if the person has a condition_occurrence with one of <see cref="Concepts"/> at any time, else 0.</summary>
public sealed record OmopLabel(string Name, IReadOnlyList<int> Concepts);
