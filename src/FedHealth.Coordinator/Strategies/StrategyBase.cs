using FedHealth.Coordinator.Aggregation;
using FedHealth.Coordinator.Sampling;
using FedHealth.Core.Strategy;
using FedHealth.Core.Weights;

namespace FedHealth.Coordinator.Strategies;

/// <summary>
/// The hooks every strategy shares (Flower's base strategy): sample the sites that train and
/// evaluate, give each round its own seed, pool the evaluation figures. A strategy overrides the
/// aggregation, and at most the fit configuration (FedProx).
/// </summary>
public abstract class StrategyBase(FedAvgOptions options) : IStrategy
{
    protected FedAvgOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public abstract string Name { get; }

    public virtual FitPlan ConfigureFit(RoundContext round, ModelWeights global)
    {
        ArgumentNullException.ThrowIfNull(round);
        var sites = SiteSampler.Sample(round.AvailableSites, Options.FractionFit, Options.MinFitSites, round.Seed, round.Round);
        var config = Options.Fit with { Seed = DeriveSeed(round.Seed, round.Round) };
        return new FitPlan(sites, config);
    }

    public abstract AggregateFitOutcome AggregateFit(
        RoundContext round, ModelWeights global, IReadOnlyList<FitResult> results, IReadOnlyList<SiteFailure> failures);

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

    /// <summary>The results that carry examples: a site that trained on nothing has nothing to say.</summary>
    protected static List<FitResult> Usable(IReadOnlyList<FitResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Where(r => r.NumExamples > 0).ToList();
    }

    /// <summary>The example-weighted mean of the sites' training losses (NaN under DP-SGD, which reports none).</summary>
    protected static double ExampleWeightedLoss(IReadOnlyList<FitResult> usable)
    {
        ArgumentNullException.ThrowIfNull(usable);
        var examples = usable.Sum(r => (double)r.NumExamples);
        return usable.Sum(r => r.TrainLoss * r.NumExamples) / examples;
    }
}
