using FedHealth.Coordinator.Composition;
using FedHealth.Core.Data;
using FedHealth.Core.Training;
using FedHealth.Node.SecureAggregation;

namespace FedHealth.Simulation.InProcess;

/// <summary>A federation to simulate in one process: the composed study, the sites' data and how they train.</summary>
public sealed record SimulationSpec(
    StudyPlan Plan,
    IReadOnlyList<SiteData> Sites,
    ILocalTrainer Trainer,
    SimulatedDropout? Dropout = null)
{
    /// <summary>With federated statistics: each site's raw rows, prepared only once the pooled statistics arrive (same order as <see cref="Sites"/>).</summary>
    public IReadOnlyList<IPooledPreprocessing> Pooling { get; init; } = [];

    /// <summary>The model round 1 starts from (a warm start from a stored model); null initialises fresh weights from the study's seed.</summary>
    public Core.Weights.ModelWeights? Initial { get; init; }
}
