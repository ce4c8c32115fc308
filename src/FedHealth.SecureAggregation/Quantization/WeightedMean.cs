namespace FedHealth.SecureAggregation.Quantization;

/// <summary>The example-weighted mean of the included sites' updates, and their total weight (no site's own).</summary>
public sealed record WeightedMean(float[] Mean, long TotalWeight);
