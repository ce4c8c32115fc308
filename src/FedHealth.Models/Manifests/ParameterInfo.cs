namespace FedHealth.Models.Manifests;

/// <summary>One tensor of the weights: its PyTorch state_dict name and shape.</summary>
public sealed record ParameterInfo(string Name, IReadOnlyList<int> Shape);
