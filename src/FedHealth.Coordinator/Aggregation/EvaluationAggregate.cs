using FedHealth.Core.Metrics;
using FedHealth.Core.Strategy;

namespace FedHealth.Coordinator.Aggregation;

/// <summary>Combines per-site evaluation figures into federated ones.</summary>
public static class EvaluationAggregate
{
    /// <summary>
    /// Example-weighted loss and accuracy (equal to the pooled figures over all test rows), the pooled
    /// AUC from the summed score histograms, and the unweighted mean of the sites' accuracies.
    /// </summary>
    public static AggregateEvaluateOutcome Of(IReadOnlyList<EvaluateResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var scored = results.Where(r => r.Outcome.NumExamples > 0).OrderBy(r => r.Site).ToList();
        if (scored.Count == 0)
        {
            return new AggregateEvaluateOutcome(double.NaN, double.NaN, double.NaN, double.NaN, ScoreHistogram.Empty(), []);
        }

        double n = scored.Sum(r => r.Outcome.NumExamples);
        var loss = scored.Sum(r => r.Outcome.Loss * r.Outcome.NumExamples) / n;
        var accuracy = scored.Sum(r => r.Outcome.Accuracy * r.Outcome.NumExamples) / n;
        var histogram = scored.Skip(1).Aggregate(scored[0].Outcome.Histogram, (h, r) => h.Add(r.Outcome.Histogram));
        var meanSite = scored.Average(r => r.Outcome.Accuracy);
        return new AggregateEvaluateOutcome(loss, accuracy, histogram.Auc(), meanSite, histogram, scored)
        {
            PermutationImportance = PooledImportance(scored, n),
        };
    }

    /// <summary>The sites' summed loss increases over the pooled examples, when every scored site measured them for the same inputs.</summary>
    public static IReadOnlyList<double>? PooledImportance(IReadOnlyList<EvaluateResult> scored, double examples)
    {
        ArgumentNullException.ThrowIfNull(scored);
        if (scored.Count == 0 || scored.Any(r => r.Outcome.LossIncreases is null)
            || scored.Select(r => r.Outcome.LossIncreases!.Count).Distinct().Count() != 1)
        {
            return null;
        }

        var sum = new double[scored[0].Outcome.LossIncreases!.Count];
        foreach (var increases in scored.Select(r => r.Outcome.LossIncreases!))
        {
            for (var j = 0; j < sum.Length; j++)
            {
                sum[j] += increases[j];
            }
        }

        return [.. sum.Select(s => s / examples)];
    }
}
