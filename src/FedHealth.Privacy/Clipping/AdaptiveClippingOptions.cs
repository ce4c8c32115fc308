namespace FedHealth.Privacy.Clipping;

/// <summary>
/// Parameters of adaptive clipping (Andrew, Thakkar, McMahan, Ramaswamy 2021): track the
/// <see cref="TargetQuantile"/> of the update norms with a geometric update of rate
/// <see cref="LearningRate"/>; the count of sites under the clip is privatised with Gaussian noise
/// of standard deviation <see cref="IndicatorNoiseStdDev"/> (σ_b; the paper suggests about m/20
/// for m expected sites).
/// </summary>
public sealed record AdaptiveClippingOptions(
    double InitialClip,
    double TargetQuantile = 0.5,
    double LearningRate = 0.2,
    double IndicatorNoiseStdDev = 1.0,
    double MinClip = 1e-6,
    double MaxClip = 1e6)
{
    public void Validate()
    {
        L2Clipping.ValidateClip(InitialClip);
        if (!(TargetQuantile > 0 && TargetQuantile < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(TargetQuantile), TargetQuantile, "The target quantile γ must be in (0, 1).");
        }

        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate η must be > 0.");
        }

        if (!(IndicatorNoiseStdDev > 0) || double.IsInfinity(IndicatorNoiseStdDev))
        {
            throw new ArgumentOutOfRangeException(nameof(IndicatorNoiseStdDev), IndicatorNoiseStdDev, "σ_b must be > 0.");
        }

        if (!(MinClip > 0 && MinClip <= InitialClip && InitialClip <= MaxClip))
        {
            throw new ArgumentOutOfRangeException(nameof(MinClip), MinClip, "Need 0 < MinClip ≤ InitialClip ≤ MaxClip.");
        }
    }
}
