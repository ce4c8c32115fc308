using FedHealth.Coordinator.Aggregation;
using FedHealth.Coordinator.Sampling;
using FedHealth.Core.Ids;
using FedHealth.Core.Metrics;
using FedHealth.Core.Strategy;
using FedHealth.Core.Weights;

namespace FedHealth.Coordinator.Strategies;

/// <summary>
/// Federated averaging (McMahan et al. 2017): the new global model is the mean of the sites'
/// models weighted by their number of training examples. Failures are ignored; a round with no
/// result keeps the current model.
/// </summary>
public class FedAvg(FedAvgOptions options) : ISecureSumStrategy
{
    protected FedAvgOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public virtual string Name => "fedavg";

    public virtual FitPlan ConfigureFit(RoundContext round, ModelWeights global)
    {
        ArgumentNullException.ThrowIfNull(round);
        var sites = SiteSampler.Sample(round.AvailableSites, Options.FractionFit, Options.MinFitSites, round.Seed, round.Round);
        var config = Options.Fit with { Seed = DeriveSeed(round.Seed, round.Round) };
        return new FitPlan(sites, config);
    }

    public virtual AggregateFitOutcome AggregateFit(
        RoundContext round, ModelWeights global, IReadOnlyList<FitResult> results, IReadOnlyList<SiteFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(results);
        var usable = results.Where(r => r.NumExamples > 0).ToList();
        if (usable.Count == 0)
        {
            return new AggregateFitOutcome(global, Updated: false, TrainLoss: double.NaN);
        }

        var weights = WeightedAverage.Of(usable.Select(r => (r.Weights, (double)r.NumExamples)).ToList());
        var examples = usable.Sum(r => (double)r.NumExamples);
        var loss = usable.Sum(r => r.TrainLoss * r.NumExamples) / examples;
        return new AggregateFitOutcome(weights, Updated: true, TrainLoss: loss);
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

        var next = new float[global.Length];
        var current = global.Flat;
        for (var i = 0; i < next.Length; i++)
        {
            next[i] = current[i] + sum.MeanUpdate[i];
        }

        // Per-site losses are not released under secure aggregation.
        return new AggregateFitOutcome(global.WithValues(next), Updated: true, TrainLoss: double.NaN);
    }

    public virtual EvaluatePlan ConfigureEvaluate(RoundContext round, ModelWeights global)
    {
        ArgumentNullException.ThrowIfNull(round);
        return new EvaluatePlan(SiteSampler.Sample(
            round.AvailableSites, Options.FractionEvaluate, Options.MinEvaluateSites, round.Seed ^ 0x5EED, round.Round));
    }

    public virtual AggregateEvaluateOutcome AggregateEvaluate(
        RoundContext round, IReadOnlyList<EvaluateResult> results, IReadOnlyList<SiteFailure> failures) =>
        EvaluationAggregate.Of(results);

    /// <summary>A distinct, reproducible training seed per round; sites mix in their own identity.</summary>
    protected static long DeriveSeed(long studySeed, int round) =>
        unchecked((studySeed * 1_000_003L) + round);
}
