using FedHealth.Coordinator.Aggregation;
using FedHealth.Core.Strategy;
using FedHealth.Core.Weights;
using FedHealth.SecureAggregation.Updates;

namespace FedHealth.Coordinator.Strategies;

/// <summary>
/// Federated averaging (McMahan et al. 2017): the new global model is the mean of the sites'
/// models weighted by their number of training examples. Failures are ignored; a round with no
/// result keeps the current model.
/// </summary>
public class FedAvg(FedAvgOptions options) : StrategyBase(options), ISecureSumStrategy
{
    public override string Name => "fedavg";

    public override AggregateFitOutcome AggregateFit(
        RoundContext round, ModelWeights global, IReadOnlyList<FitResult> results, IReadOnlyList<SiteFailure> failures)
    {
        var usable = Usable(results);
        if (usable.Count == 0)
        {
            return new AggregateFitOutcome(global, Updated: false, TrainLoss: double.NaN);
        }

        var weights = WeightedAverage.Of(usable.Select(r => (r.Weights, (double)r.NumExamples)).ToList());
        return new AggregateFitOutcome(weights, Updated: true, TrainLoss: ExampleWeightedLoss(usable));
    }

    /// <summary>The secure sum already is the weighted mean update: the new model is global + mean.</summary>
    public virtual AggregateFitOutcome AggregateSecureSum(RoundContext round, ModelWeights global, SecureSum sum)
    {
        ArgumentNullException.ThrowIfNull(global);
        ArgumentNullException.ThrowIfNull(sum);
        if (sum.TotalWeight <= 0 || sum.Contributors.Count == 0)
        {
            return new AggregateFitOutcome(global, Updated: false, TrainLoss: double.NaN);
        }

        var next = WeightVectors.Add(global.Flat, sum.MeanUpdate);

        // Per-site losses are not released under secure aggregation.
        return new AggregateFitOutcome(global.WithValues(next), Updated: true, TrainLoss: double.NaN);
    }
}
