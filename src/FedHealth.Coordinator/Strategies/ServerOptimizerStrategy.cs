using FedHealth.Coordinator.Aggregation;
using FedHealth.Core.Strategy;
using FedHealth.Core.Weights;
using FedHealth.SecureAggregation.Updates;

namespace FedHealth.Coordinator.Strategies;

/// <summary>
/// FedAvg followed by a server optimiser step (FedAvgM, FedAdam, FedYogi, FedAdagrad): the
/// example-weighted mean update is the pseudo-gradient. It needs only that mean, so it aggregates a
/// secure sum exactly as it aggregates plain results; wrapped in the DP decorator it receives the
/// already noised mean, so the step is post-processing and costs no privacy.
/// </summary>
/// <remarks>
/// The optimiser's moments live in <see cref="State"/> and advance each time an aggregation
/// produces a new model. Calls must come one round at a time (the study actor's order). The study
/// persists the state with each committed round and restores it on resume (<see cref="IServerStatefulStrategy"/>).
/// </remarks>
public sealed class ServerOptimizerStrategy(FedAvgOptions options, IServerOptimizer optimizer, ServerOptimizerState? restored = null)
    : FedAvg(options), IServerStatefulStrategy
{
    private readonly IServerOptimizer _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));

    public override string Name => _optimizer.Name;

    /// <summary>The optimiser's state after the last aggregation (<see cref="ServerOptimizerState.Initial"/> before the first).</summary>
    public ServerOptimizerState State { get; private set; } = restored ?? ServerOptimizerState.Initial;

    public ServerOptimizerState? ServerState => State;

    public void RestoreServerState(ServerOptimizerState state) => State = state ?? throw new ArgumentNullException(nameof(state));

    public override AggregateFitOutcome AggregateFit(
        RoundContext round, ModelWeights global, IReadOnlyList<FitResult> results, IReadOnlyList<SiteFailure> failures)
    {
        var averaged = base.AggregateFit(round, global, results, failures);
        if (!averaged.Updated)
        {
            return averaged;
        }

        return averaged with { Weights = Step(global, WeightVectors.Difference(averaged.Weights.Flat, global.Flat)) };
    }

    public override AggregateFitOutcome AggregateSecureSum(RoundContext round, ModelWeights global, SecureSum sum)
    {
        var averaged = base.AggregateSecureSum(round, global, sum);
        return averaged.Updated ? averaged with { Weights = Step(global, sum.MeanUpdate) } : averaged;
    }

    private ModelWeights Step(ModelWeights global, ReadOnlySpan<float> meanUpdate)
    {
        var step = _optimizer.Step(State, global.Flat, meanUpdate);
        State = step.State;
        return new ModelWeights(global.Specs, step.Weights);
    }
}
