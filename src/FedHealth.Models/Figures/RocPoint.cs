namespace FedHealth.Models.Figures;

/// <summary>One point of an ROC curve: the false- and true-positive rates at a score threshold.</summary>
public sealed record RocPoint(double FalsePositiveRate, double TruePositiveRate);
