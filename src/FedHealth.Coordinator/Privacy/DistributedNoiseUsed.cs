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
    double EffectiveNoiseMultiplier);
