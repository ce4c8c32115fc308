using FedHealth.Coordinator.Aggregation;
using FedHealth.Core.Strategy;
using FedHealth.Core.Weights;

namespace FedHealth.Coordinator.Strategies;

/// <summary>
/// Robust aggregation for deployments that distrust their sites (median, trimmed mean, Krum,
/// Multi-Krum): the next model is a robust combination of the sites' individual models, each site
/// counting once whatever its example count (a count is as easy to lie about as a model). It sees
/// every update individually, so it is deliberately not an <see cref="ISecureSumStrategy"/>.
/// </summary>
public sealed class RobustStrategy(FedAvgOptions options, IRobustAggregator aggregator) : StrategyBase(options)
{
    private readonly IRobustAggregator _aggregator = aggregator ?? throw new ArgumentNullException(nameof(aggregator));

    public override string Name => _aggregator.Name;

    public override AggregateFitOutcome AggregateFit(
        RoundContext round, ModelWeights global, IReadOnlyList<FitResult> results, IReadOnlyList<SiteFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(global);
        var usable = Usable(results).OrderBy(r => r.Site).ToList();
        if (usable.Count == 0)
        {
            return new AggregateFitOutcome(global, Updated: false, TrainLoss: double.NaN);
        }

        var odd = usable.FirstOrDefault(r => !global.HasSameLayout(r.Weights));
        if (odd is not null)
        {
            throw new ArgumentException($"The model of site {odd.Site} has the layout {odd.Weights}, not the global {global}.", nameof(results));
        }

        var combined = _aggregator.Combine(usable.Select(r => r.Weights.FlatMemory).ToList());
        return new AggregateFitOutcome(new ModelWeights(global.Specs, combined), Updated: true, TrainLoss: ExampleWeightedLoss(usable));
    }
}
