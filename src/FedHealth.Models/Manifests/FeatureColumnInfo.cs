namespace FedHealth.Models.Manifests;

/// <summary>One raw column: a number (no levels) or a category with its one-hot levels in encoding order.</summary>
public sealed record FeatureColumnInfo(string Name, IReadOnlyList<string>? Levels);
