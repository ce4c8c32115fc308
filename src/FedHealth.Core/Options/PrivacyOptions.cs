namespace FedHealth.Core.Options;

/// <summary>
/// The privacy mechanisms of a study, with their noise already calibrated, and the hard budget the
/// coordinator enforces before every round.
/// </summary>
public sealed record PrivacyOptions
{
    public static PrivacyOptions Off { get; } = new();

    public DpMode Mode { get; init; } = DpMode.Off;

    /// <summary>δ of every reported (ε, δ) and of the budget.</summary>
    public double Delta { get; init; } = 1e-5;

    /// <summary>DP-SGD: σ of the Gaussian noise relative to <see cref="RecordClip"/>.</summary>
    public double RecordNoiseMultiplier { get; init; }

    /// <summary>DP-SGD: L2 bound of every per-example gradient.</summary>
    public double RecordClip { get; init; } = 1.0;

    /// <summary>DP-SGD: Poisson sampling rate of a site's records per step.</summary>
    public double RecordSamplingRate { get; init; }

    /// <summary>Site-level DP: σ of the noise on the sum of clipped updates, relative to <see cref="SiteClip"/>.</summary>
    public double SiteNoiseMultiplier { get; init; }

    /// <summary>Site-level DP: L2 bound of every site's model update (the initial bound when adaptive).</summary>
    public double SiteClip { get; init; } = 1.0;

    /// <summary>
    /// Site-level DP: track the median update norm with privatised adaptive clipping (Andrew et al.
    /// 2021) instead of a fixed bound.
    /// </summary>
    public bool AdaptiveSiteClip { get; init; }

    /// <summary>The most ε (at <see cref="Delta"/>) the study may spend, per scope; null for no hard limit.</summary>
    public double? MaxEpsilon { get; init; }

    public bool RecordLevel => Mode is DpMode.Record or DpMode.Both;

    public bool SiteLevel => Mode is DpMode.Site or DpMode.Both;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Mode == DpMode.Off)
        {
            return errors;
        }

        if (!(Delta > 0 && Delta < 1))
        {
            errors.Add($"δ must be in (0, 1) (got {Delta}).");
        }

        if (RecordLevel && !(RecordNoiseMultiplier > 0 && RecordClip > 0 && RecordSamplingRate > 0 && RecordSamplingRate <= 1))
        {
            errors.Add($"record-level DP needs a positive noise multiplier and clip and a sampling rate in (0, 1] (got σ {RecordNoiseMultiplier}, C {RecordClip}, q {RecordSamplingRate}).");
        }

        if (SiteLevel && !(SiteNoiseMultiplier > 0 && SiteClip > 0))
        {
            errors.Add($"site-level DP needs a positive noise multiplier and clip (got σ {SiteNoiseMultiplier}, C {SiteClip}).");
        }

        if (MaxEpsilon is <= 0)
        {
            errors.Add($"the privacy budget ε must be positive (got {MaxEpsilon}).");
        }

        return errors;
    }
}
