namespace FedHealth.Models.Diff;

/// <summary>One field that differs between two models, with both values as text.</summary>
public sealed record ModelDifference(string Field, string? Left, string? Right);
