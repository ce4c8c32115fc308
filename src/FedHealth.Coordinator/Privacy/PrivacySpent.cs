namespace FedHealth.Coordinator.Privacy;

/// <summary>Cumulative ε after a round, at <see cref="Delta"/>; null where that kind of DP is off.</summary>
public sealed record PrivacySpent(double? EpsilonRecord, double? EpsilonSite, double Delta);
