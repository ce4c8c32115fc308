namespace FedHealth.Coordinator.Rounds;

/// <summary>Site-level DP under secure aggregation: each site clips its update to <paramref name="Clip"/> and adds its share of noise of multiplier <paramref name="NoiseMultiplier"/>.</summary>
public sealed record DistributedDpSettings(double Clip, double NoiseMultiplier);
