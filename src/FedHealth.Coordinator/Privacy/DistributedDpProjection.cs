using System.Collections.Immutable;
using FedHealth.Core.Options;
using FedHealth.Privacy.Accounting;
using FedHealth.Privacy.Distributed;
using FedHealth.SecureAggregation.Parameters;

namespace FedHealth.Coordinator.Privacy;

/// <summary>
/// What a distributed-DP round may spend at worst, before it runs. The noise in the sum is only that
/// of the sites whose masked input survives, so the worst case is the fewest survivors a round can
/// still release with: the larger of the study's minimum and the SecAgg threshold t (every survivor
/// keeps t surviving neighbours, or secure aggregation aborts and nothing is released). Every
/// possible number of sampled sites is considered, and the curve is the order-wise maximum.
/// </summary>
public sealed class DistributedDpProjection(int modelDimension, int minFitSites, SecureAggregationOptions secure)
{
    /// <summary>The fewest contributors a round of <paramref name="sampled"/> sites can release with.</summary>
    public int MinimumContributors(int sampled)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampled, 1);
        var threshold = sampled >= SecAggParameterChooser.MinimumSites
            ? SecAggParameterChooser.Choose(sampled, secure.ExpectedDropout, secure.CorruptFraction).Threshold
            : sampled;
        return Math.Clamp(Math.Max(minFitSites, threshold), 1, sampled);
    }

    /// <summary>The worst RDP curve of one round among <paramref name="connected"/> connected sites.</summary>
    public RdpCurve WorstCase(int connected, double clip, double noiseMultiplier, ImmutableArray<double> orders)
    {
        var worst = new double[orders.Length];
        for (var sampled = Math.Max(1, minFitSites); sampled <= connected; sampled++)
        {
            DistributedDpPlan plan;
            try
            {
                plan = DistributedDpPlan.Create(modelDimension, clip, noiseMultiplier, sampled, secure.ModulusBits);
            }
            catch (DistributedDpConfigurationException)
            {
                continue; // such a round aborts before anything is released
            }

            var curve = DistributedDiscreteGaussianRdp.Curve(
                plan.L2Sensitivity, plan.L1Sensitivity, plan.Noise.SiteVariance.Value, MinimumContributors(sampled), plan.PaddedDimension, 1, orders);
            for (var i = 0; i < worst.Length; i++)
            {
                worst[i] = Math.Max(worst[i], curve.Values[i]);
            }
        }

        return new RdpCurve(orders, [.. worst]);
    }
}
