namespace FedHealth.Models.Cards;

/// <summary>
/// One input's logistic-regression coefficient: on the standardised scale (per SD of the pooled
/// training rows) and per unit of the raw value, each also as an odds ratio. Per unit is null when
/// each site standardised with its own statistics (there is no single SD to map through).
/// </summary>
public sealed record FeatureEffect(string Feature, double PerSd, double OddsRatioPerSd, double? PerUnit, double? OddsRatioPerUnit);
