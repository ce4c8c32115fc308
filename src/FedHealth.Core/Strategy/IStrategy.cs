using FedHealth.Core.Weights;

namespace FedHealth.Core.Strategy;

/// <summary>
/// A federated learning strategy: hooks with no I/O (Flower's strategy API). The coordinator owns
/// the loop and the transport; a new strategy overrides one hook.
/// </summary>
public interface IStrategy
{
    string Name { get; }

    FitPlan ConfigureFit(RoundContext round, ModelWeights global);

    /// <summary>Turns the successful results (and the list of failures) into the next global model.</summary>
    AggregateFitOutcome AggregateFit(
        RoundContext round, ModelWeights global, IReadOnlyList<FitResult> results, IReadOnlyList<SiteFailure> failures);

    EvaluatePlan ConfigureEvaluate(RoundContext round, ModelWeights global);

    AggregateEvaluateOutcome AggregateEvaluate(
        RoundContext round, IReadOnlyList<EvaluateResult> results, IReadOnlyList<SiteFailure> failures);
}
