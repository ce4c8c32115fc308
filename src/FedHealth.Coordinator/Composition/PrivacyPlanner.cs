using System.Globalization;
using FedHealth.Coordinator.Privacy;
using FedHealth.Core.Options;
using FedHealth.Privacy.Accounting;
using FedHealth.Privacy.Distributed;

namespace FedHealth.Coordinator.Composition;

/// <summary>
/// Turns the DP flags into calibrated mechanisms: with --target-epsilon, each enabled scope gets the
/// smallest noise that keeps the whole run within ε at δ; the budget defaults to that same ε.
/// </summary>
public static class PrivacyPlanner
{
    /// <param name="secure">Secure aggregation of the study: site-level DP then becomes distributed DP.</param>
    /// <param name="modelParameters">The model's weight count (the dimension of distributed noise).</param>
    /// <param name="sampledSites">Sites asked to train each round.</param>
    /// <param name="minFitSites">The fewest contributions a round may release with.</param>
    public static PrivacyOptions Plan(
        StudyRequest request, Func<double>? defaultSamplingRate, SecureAggregationOptions secure, int modelParameters, int sampledSites, int minFitSites)
    {
        if (request.DpMode == DpMode.Off)
        {
            if (request.EffectiveTargetEpsilon is not null || request.NoiseMultiplier is not null || request.MaxEpsilon is not null)
            {
                throw new StudyRequestException("--target-epsilon, --noise-multiplier and --max-epsilon need --dp record, site or both.");
            }

            return PrivacyOptions.Off;
        }

        if (request.EffectiveTargetEpsilon is not null && request.NoiseMultiplier is not null)
        {
            throw new StudyRequestException("give either --target-epsilon (calibrate the noise) or --noise-multiplier, not both.");
        }


        if (!(request.Delta > 0 && request.Delta < 1))
        {
            throw new StudyRequestException($"--delta must be in (0, 1) (got {Format(request.Delta)}).");
        }

        if (request.EffectiveTargetEpsilon is <= 0)
        {
            throw new StudyRequestException($"--target-epsilon must be positive (got {Format(request.EffectiveTargetEpsilon.Value)}).");
        }

        if (request.NoiseMultiplier is <= 0)
        {
            throw new StudyRequestException($"--noise-multiplier must be positive (got {Format(request.NoiseMultiplier.Value)}).");
        }

        if (!(request.ClipNorm > 0))
        {
            throw new StudyRequestException($"--clip must be positive (got {Format(request.ClipNorm)}).");
        }

        if (request.AdaptiveClip && request.DpMode == DpMode.Record)
        {
            throw new StudyRequestException("--clip adaptive applies to site-level DP (--dp site or both); record-level DP-SGD needs a fixed per-example clip.");
        }

        var options = new PrivacyOptions
        {
            Mode = request.DpMode,
            Delta = request.Delta,
            RecordClip = request.ClipNorm,
            SiteClip = request.ClipNorm,
            AdaptiveSiteClip = request.AdaptiveClip,
            MaxEpsilon = request.MaxEpsilon ?? request.EffectiveTargetEpsilon,
        };
        if (options.RecordLevel)
        {
            if (request.EffectiveLocalSteps <= 0)
            {
                throw new StudyRequestException("record-level DP counts DP-SGD steps: use --local-steps, not --local-epochs.");
            }

            var q = request.SamplingRate ?? defaultSamplingRate?.Invoke()
                ?? throw new StudyRequestException("record-level DP needs a sampling rate: the coordinator does not know the sites' sizes, so give SamplingRate (e.g. the batch size over a typical site's training rows).");
            if (!(q > 0 && q <= 1))
            {
                throw new StudyRequestException($"--sampling-rate must be in (0, 1] (got {Format(q)}).");
            }

            var steps = (long)request.Rounds * request.EffectiveLocalSteps;
            options = options with
            {
                RecordSamplingRate = q,
                RecordNoiseMultiplier = request.NoiseMultiplier ?? Calibrate(request.EffectiveTargetEpsilon!.Value, q, steps, request.Delta, "record-level"),
            };
        }

        if (options.SiteLevel)
        {
            var noise = request.NoiseMultiplier ?? Calibrate(request.EffectiveTargetEpsilon!.Value, 1.0, request.Rounds, request.Delta, "site-level");
            if (secure.Enabled)
            {
                noise = DistributedNoise(request, secure, noise, modelParameters, sampledSites, minFitSites);
            }

            options = options with { SiteNoiseMultiplier = noise };
        }

        return options;
    }

    /// <summary>
    /// Distributed DP: the sum holds the noise of the surviving sites only, so a calibrated noise
    /// multiplier is raised by √(n/k_min), k_min being the fewest survivors a round may release with;
    /// then the worst round still costs what the target allows. Refuses a model the modulus cannot hold.
    /// </summary>
    private static double DistributedNoise(
        StudyRequest request, SecureAggregationOptions secure, double noise, int modelParameters, int sampledSites, int minFitSites)
    {
        var projection = new DistributedDpProjection(modelParameters, minFitSites, secure);
        if (request.NoiseMultiplier is null)
        {
            var fewest = projection.MinimumContributors(sampledSites);
            noise = RoundUp(noise * Math.Sqrt((double)sampledSites / fewest));
        }

        try
        {
            _ = DistributedDpPlan.Create(modelParameters, request.ClipNorm, noise, sampledSites, secure.ModulusBits);
        }
        catch (DistributedDpConfigurationException ex)
        {
            throw new StudyRequestException($"site-level DP under secure aggregation: {ex.Message}", ex);
        }

        return noise;
    }

    /// <summary>Up to 3 significant digits, never down (less noise than calibrated would overspend).</summary>
    private static double RoundUp(double value)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)) - 2);
        return Math.Ceiling(value / magnitude) * magnitude;
    }

    private static double Calibrate(double epsilon, double q, long steps, double delta, string scope)
    {
        try
        {
            return NoiseCalibration.NoiseMultiplier(epsilon, q, steps, delta);
        }
        catch (ArgumentException ex)
        {
            throw new StudyRequestException($"{scope} DP: {ex.Message}", ex);
        }
    }

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
