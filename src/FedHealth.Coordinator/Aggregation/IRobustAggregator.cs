namespace FedHealth.Coordinator.Aggregation;

/// <summary>
/// Combines the sites' individual models into one while bounding what a minority of bad sites can
/// do. Every rule here is unweighted and shift-invariant, so it may be given the models themselves
/// (the result is the same as global + the rule applied to the updates). It needs each model on its
/// own, which secure aggregation exists to prevent.
/// </summary>
public interface IRobustAggregator
{
    string Name { get; }

    /// <param name="models">The sites' models, flat and of one length, in a fixed order (by site).</param>
    float[] Combine(IReadOnlyList<ReadOnlyMemory<float>> models);
}
