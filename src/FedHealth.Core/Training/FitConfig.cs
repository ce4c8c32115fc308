using MessagePack;

namespace FedHealth.Core.Training;

/// <summary>
/// How a site trains in one round. Exactly one of <see cref="LocalSteps"/> (mini-batch steps) or
/// <see cref="LocalEpochs"/> (passes over the local training rows) is positive. With
/// <see cref="RecordDp"/> set, local training is DP-SGD and every step is one privacy-accounted step.
/// With <see cref="ProximalMu"/> &gt; 0 (FedProx, Li et al. 2020) local training minimises the loss
/// plus μ/2·‖w − w_global‖², which keeps each site's model near the global one; 0 is plain training.
/// </summary>
[MessagePackObject]
public sealed record FitConfig(
    [property: Key(0)] OptimizerKind Optimizer,
    [property: Key(1)] double LearningRate,
    [property: Key(2)] int BatchSize,
    [property: Key(3)] int LocalSteps,
    [property: Key(4)] int LocalEpochs,
    [property: Key(5)] long Seed,
    [property: Key(6)] DpSgdConfig? RecordDp = null,
    [property: Key(7)] double ProximalMu = 0)
{
    /// <summary>The number of optimizer steps for a site with <paramref name="rows"/> training rows.</summary>
    public int StepsFor(int rows) =>
        LocalSteps > 0 ? LocalSteps : LocalEpochs * Math.Max(1, (rows + BatchSize - 1) / BatchSize);
}
