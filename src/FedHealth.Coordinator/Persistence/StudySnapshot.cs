using FedHealth.Coordinator.Aggregation;
using FedHealth.Coordinator.Rounds;

namespace FedHealth.Coordinator.Persistence;

/// <summary>The whole of <see cref="StudyState"/> at one point, so that recovery replays only the events after it.</summary>
public sealed record StudySnapshot(
    StudyDefined Definition,
    IReadOnlyList<RoundRecord> Records,
    IReadOnlyList<RoundCharged> Charges,
    ServerOptimizerState? ServerState,
    StudyEnded? Ended) : IStudyEvent;
