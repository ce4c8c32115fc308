namespace FedHealth.Models.Manifests;

/// <summary>
/// The feature layout: the raw CSV columns in order (categories with their one-hot levels), the
/// encoded inputs they become, the columns given a missing-value indicator, and the model's inputs
/// after preprocessing (<see cref="Outputs"/>, in the order of the first layer's weights).
/// </summary>
public sealed record FeatureInfo(
    IReadOnlyList<FeatureColumnInfo> Columns,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> IndicatorColumns,
    IReadOnlyList<string> Outputs);
