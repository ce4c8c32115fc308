using FedHealth.Coordinator.Privacy;
using FedHealth.Core.Data;
using FedHealth.Core.Options;
using FedHealth.Core.Strategy;
using FedHealth.Core.Training;
using FedHealth.Node.SecureAggregation;

namespace FedHealth.Simulation.InProcess;

/// <summary>A federation to simulate in one process: the study, the sites' data and how they train.</summary>
public sealed record SimulationSpec(
    StudyOptions Study,
    IStrategy Strategy,
    IReadOnlyList<SiteData> Sites,
    ILocalTrainer Trainer,
    StudyPrivacyAccountant? Privacy = null,
    SimulatedDropout? Dropout = null)
{
    /// <summary>With federated statistics: each site's raw rows, prepared only once the pooled statistics arrive (same order as <see cref="Sites"/>).</summary>
    public IReadOnlyList<IPooledPreprocessing> Pooling { get; init; } = [];
}
