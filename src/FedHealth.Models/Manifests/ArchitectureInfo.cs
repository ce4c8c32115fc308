namespace FedHealth.Models.Manifests;

/// <summary>The model to build and its parameter layout: tensor names and shapes in the flat weights' order.</summary>
/// <param name="Kind"><c>logreg</c> or <c>mlp</c>.</param>
public sealed record ArchitectureInfo(string Kind, int InputFeatures, IReadOnlyList<int> Hidden, IReadOnlyList<ParameterInfo> Parameters);
