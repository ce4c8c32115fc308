using System.Collections.Immutable;

namespace FedHealth.Coordinator.Aggregation;

/// <summary>
/// What a server optimiser remembers between rounds: the number of steps taken and its moment
/// vectors (FedAvgM keeps only the first; the adaptive optimisers both), one value per model
/// parameter. Empty moments mean "not started": the first step initialises them.
/// </summary>
/// <remarks>A plain value so that the study state can hold it: it is persisted with each committed round.</remarks>
public sealed record ServerOptimizerState(int Step, ImmutableArray<float> FirstMoment, ImmutableArray<float> SecondMoment)
{
    public static ServerOptimizerState Initial { get; } = new(0, ImmutableArray<float>.Empty, ImmutableArray<float>.Empty);
}
