using Akka.Hosting;
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

    /// <summary>More actors for the federation's actor system, e.g. an observer of its EventStream (<c>sim --console</c>); null for none.</summary>
    public Action<AkkaConfigurationBuilder>? Observers { get; init; }
    /// <summary>Where the study's journal, snapshots and models go; in memory unless given (<c>sim --state DIR</c>).</summary>
    public Hosting.Persistence.StateStoreOptions State { get; init; } = Hosting.Persistence.StateStoreOptions.Memory;

    /// <summary>How the study is started (e.g. only as a resume when the output already holds a run).</summary>
    public Coordinator.Study.StartStudy Start { get; init; } = Coordinator.Study.StartStudy.Instance;
    /// <summary>The model round 1 starts from (a warm start from a stored model); null initialises fresh weights from the study's seed.</summary>
    public Core.Weights.ModelWeights? Initial { get; init; }
}
