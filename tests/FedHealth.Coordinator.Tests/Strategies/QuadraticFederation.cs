using FedHealth.Coordinator.Strategies;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Ids;
using FedHealth.Core.Strategy;
using FedHealth.Core.Weights;

namespace FedHealth.Coordinator.Tests.Strategies;

/// <summary>
/// A toy federation with no actors: site i minimises ½‖w − cᵢ‖² by a few steps of gradient descent
/// (with FedProx's μ·(w − w_global) when the plan asks for it), so the federated optimum is the mean
/// of the centres. A Byzantine site, when there is one, answers the global model plus a huge shift.
/// </summary>
internal sealed class QuadraticFederation(IReadOnlyList<float[]> centres, float[]? byzantineShift = null)
{
    private const int LocalSteps = 5;
    private const double LocalRate = 0.1;

    public double[] Optimum { get; } = Enumerable.Range(0, centres[0].Length).Select(i => centres.Average(c => (double)c[i])).ToArray();

    private List<SiteId> Sites { get; } =
        [.. Enumerable.Range(0, centres.Count + (byzantineShift is null ? 0 : 1)).Select(i => Models.Site($"site-{i}"))];

    /// <summary>Runs <paramref name="rounds"/> rounds from zero and returns the distance of the last model to <see cref="Optimum"/>.</summary>
    public double DistanceAfter(IStrategy strategy, int rounds, bool secureSum = false)
    {
        var global = Models.Weights(new float[centres[0].Length]);
        for (var round = 1; round <= rounds; round++)
        {
            var context = new RoundContext(new StudyId("toy"), round, 42, Sites);
            var plan = strategy.ConfigureFit(context, global);
            var results = plan.Sites.Select(site => new FitResult(site, Train(global, Sites.IndexOf(site), plan.Config.ProximalMu), 10, 0)).ToList();
            global = secureSum
                ? ((ISecureSumStrategy)strategy).AggregateSecureSum(context, global, MeanOf(results, global)).Weights
                : strategy.AggregateFit(context, global, results, []).Weights;
        }

        return Math.Sqrt(Optimum.Select((o, i) => (global.Flat[i] - o) * (global.Flat[i] - o)).Sum());
    }

    public double StartDistance => Math.Sqrt(Optimum.Sum(o => o * o));

    private ModelWeights Train(ModelWeights global, int site, double mu)
    {
        var w = global.Flat.ToArray();
        if (site == centres.Count)
        {
            return global.WithValues(w.Select((x, i) => x + byzantineShift![i]).ToArray());
        }

        var x = (float[])w.Clone();
        for (var step = 0; step < LocalSteps; step++)
        {
            for (var i = 0; i < x.Length; i++)
            {
                x[i] -= (float)(LocalRate * ((x[i] - centres[site][i]) + (mu * (x[i] - w[i]))));
            }
        }

        return global.WithValues(x);
    }

    /// <summary>What secure aggregation would release: the example-weighted mean update.</summary>
    private static SecureSum MeanOf(List<FitResult> results, ModelWeights global)
    {
        var total = results.Sum(r => r.NumExamples);
        var mean = new float[global.Length];
        foreach (var r in results)
        {
            for (var i = 0; i < mean.Length; i++)
            {
                mean[i] += (r.Weights.Flat[i] - global.Flat[i]) * r.NumExamples / total;
            }
        }

        return new SecureSum(mean, total, results.Select(r => r.Site).ToList());
    }

    public static FedAvgOptions Options => new(Models.Config);
}
