using FedHealth.Privacy.Distributed;

namespace FedHealth.Coordinator.Privacy;

/// <summary>
/// The distributed discrete Gaussian noise really present in a round's released sum: the
/// quantized sensitivities, each site's σ², the number of sites whose share was summed, and the
/// dimension — what the accountant needs to charge the round (and never more noise than was added).
/// </summary>
public sealed record DistributedNoiseUsed(
    double L2Sensitivity,
    double L1Sensitivity,
    double SiteVariance,
    int Contributors,
    int Dimension,
    double Clip,
    double EffectiveNoiseMultiplier)
{
    /// <summary>The noise a sum of <paramref name="contributors"/> sites' shares holds under the round's plan.</summary>
    public static DistributedNoiseUsed Of(DistributedDpPlan plan, int contributors)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(plan.L2Sensitivity, plan.L1Sensitivity, plan.Noise.SiteVariance.Value, contributors, plan.PaddedDimension, plan.Clip, plan.EffectiveNoiseMultiplier(contributors));
    }
}
