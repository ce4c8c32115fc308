namespace FedHealth.Models.Manifests;

/// <summary>One model input's pooled permutation importance: the mean loss increase over every site's test rows when the input is permuted.</summary>
public sealed record FeatureImportanceInfo(string Feature, double LossIncrease);
