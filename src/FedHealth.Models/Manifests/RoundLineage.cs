namespace FedHealth.Models.Manifests;

/// <summary>
/// One committed round in a model's history: the model it produced, the model it started from
/// (null for the first round: the initial weights are not recorded), who contributed, and the
/// checkpoint file when the round's weights were saved.
/// </summary>
public sealed record RoundLineage(int Round, string ModelHash, string? ParentHash, bool ModelUpdated, IReadOnlyList<string> Sites, string? CheckpointFile);
