using FedHealth.Privacy.Sampling;

namespace FedHealth.Privacy.Clipping;

/// <summary>
/// The adaptive clipping state machine of Andrew et al. 2021 (site-level DP): each round every site
/// reports the bit bᵢ = [‖Δᵢ‖ ≤ C]; the coordinator sees only the noisy sum
/// Σ(bᵢ − ½) + N(0, σ_b²), forms b̄ = noisy/m + ½ and moves C ← C·exp(−η(b̄ − γ)).
/// The bits cost privacy too: with the accountant's noise multiplier z for the round, the updates
/// themselves get the smaller multiplier z_Δ = (z⁻² − (2σ_b)⁻²)^(−1/2), which exists only if 2σ_b &gt; z.
/// Not thread-safe; the coordinator owns one per study and persists <see cref="Clip"/> and <see cref="Round"/>.
/// </summary>
public sealed class AdaptiveClipping
{
    public AdaptiveClipping(AdaptiveClippingOptions options, double? clip = null, int round = 0)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(round);
        Options = options;
        Clip = clip ?? options.InitialClip;
        L2Clipping.ValidateClip(Clip);
        Round = round;
    }

    public AdaptiveClippingOptions Options { get; }

    /// <summary>The clip C to use in the next round.</summary>
    public double Clip { get; private set; }

    /// <summary>Number of updates applied so far.</summary>
    public int Round { get; private set; }

    /// <summary>
    /// z_Δ = (z⁻² − (2σ_b)⁻²)^(−1/2): the noise multiplier to put on the clipped updates so that
    /// updates and bits together spend what a Gaussian of multiplier <paramref name="totalNoiseMultiplier"/> would.
    /// </summary>
    public static double UpdateNoiseMultiplier(double totalNoiseMultiplier, double indicatorNoiseStdDev)
    {
        Accounting.Guard.NoiseMultiplier(totalNoiseMultiplier, nameof(totalNoiseMultiplier));
        if (!(2 * indicatorNoiseStdDev > totalNoiseMultiplier))
        {
            throw new ArgumentOutOfRangeException(
                nameof(indicatorNoiseStdDev),
                indicatorNoiseStdDev,
                $"Adaptive clipping needs σ_b > z/2 = {totalNoiseMultiplier / 2:G4} (else the bits alone exceed the budget); " +
                "Andrew et al. suggest σ_b ≈ m/20 for m sites per round.");
        }

        var inverse = 1 / (totalNoiseMultiplier * totalNoiseMultiplier)
                      - 1 / (4 * indicatorNoiseStdDev * indicatorNoiseStdDev);
        return 1 / Math.Sqrt(inverse);
    }

    /// <summary>The site's bit: 1 when its update norm is within the current clip.</summary>
    public bool Indicator(double updateNorm) => updateNorm <= Clip;

    /// <summary>
    /// Central path: privatises Σbᵢ (with <paramref name="random"/>) and updates C.
    /// <paramref name="participants"/> is the number of sites whose bits are in the sum.
    /// </summary>
    public double Update(int indicatorSum, int participants, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (indicatorSum < 0 || indicatorSum > participants)
        {
            throw new ArgumentOutOfRangeException(nameof(indicatorSum), indicatorSum, "The indicator sum must be in [0, participants].");
        }

        var noisy = indicatorSum + new GaussianSampler(random).Next(Options.IndicatorNoiseStdDev);
        return UpdateFromNoisySum(noisy, participants);
    }

    /// <summary>
    /// Updates C from an already privatised Σbᵢ (for example summed under secure aggregation with
    /// distributed noise of standard deviation σ_b).
    /// </summary>
    public double UpdateFromNoisySum(double noisyIndicatorSum, int participants)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(participants, 1);
        if (!double.IsFinite(noisyIndicatorSum))
        {
            throw new ArgumentOutOfRangeException(nameof(noisyIndicatorSum), noisyIndicatorSum, "The noisy sum must be finite.");
        }

        var fractionBelow = noisyIndicatorSum / participants;
        var next = Clip * Math.Exp(-Options.LearningRate * (fractionBelow - Options.TargetQuantile));
        Clip = Math.Clamp(next, Options.MinClip, Options.MaxClip);
        Round++;
        return Clip;
    }
}
