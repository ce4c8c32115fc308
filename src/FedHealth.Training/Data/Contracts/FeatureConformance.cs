namespace FedHealth.Training.Data.Contracts;

/// <summary>
/// One feature's conformance at a site, as counts only: patients with a value, patients without,
/// values outside the contract's range, and resources whose unit could not be converted.
/// </summary>
public sealed record FeatureConformance(string Feature, int Present, int Missing, int OutOfRange, int Unconvertible);
