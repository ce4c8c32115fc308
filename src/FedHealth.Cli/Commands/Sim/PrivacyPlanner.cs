using System.Globalization;
using FedHealth.Cli.Console;
using FedHealth.Coordinator.Privacy;
using FedHealth.Core.Options;
using FedHealth.Privacy.Accounting;
using FedHealth.Privacy.Distributed;
using FedHealth.Training.Data;

namespace FedHealth.Cli.Commands.Sim;

/// <summary>
/// Turns the DP flags into calibrated mechanisms: with --target-epsilon, each enabled scope gets the
/// smallest noise that keeps the whole run within ε at δ; the budget defaults to that same ε.
/// </summary>
internal static class PrivacyPlanner
{
    /// <summary>The ε a run spends when the user names neither a target nor a noise multiplier.</summary>
    public const double DefaultEpsilon = 4.0;

    /// <param name="secure">Secure aggregation of the study: site-level DP then becomes distributed DP.</param>
    /// <param name="modelParameters">The model's weight count (the dimension of distributed noise).</param>
    /// <param name="sampledSites">Sites asked to train each round.</param>
    /// <param name="minFitSites">The fewest contributions a round may release with.</param>
    public static PrivacyOptions Plan(
        SimSettings settings, Func<double>? defaultSamplingRate, SecureAggregationOptions secure, int modelParameters, int sampledSites, int minFitSites)
    {
        if (settings.Dp == DpMode.Off)
        {
            if (settings.TargetEpsilon is not null || settings.NoiseMultiplier is not null || settings.MaxEpsilon is not null)
            {
                throw new UserInputException("--target-epsilon, --noise-multiplier and --max-epsilon need --dp record, site or both.");
            }

            return PrivacyOptions.Off;
        }

        if (settings.TargetEpsilon is not null && settings.NoiseMultiplier is not null)
        {
            throw new UserInputException("give either --target-epsilon (calibrate the noise) or --noise-multiplier, not both.");
        }


        if (!(settings.Delta > 0 && settings.Delta < 1))
        {
            throw new UserInputException($"--delta must be in (0, 1) (got {Format(settings.Delta)}).");
        }

        if (settings.TargetEpsilon is <= 0)
        {
            throw new UserInputException($"--target-epsilon must be positive (got {Format(settings.TargetEpsilon.Value)}).");
        }

        if (settings.NoiseMultiplier is <= 0)
        {
            throw new UserInputException($"--noise-multiplier must be positive (got {Format(settings.NoiseMultiplier.Value)}).");
        }

        if (!(settings.Clip > 0))
        {
            throw new UserInputException($"--clip must be positive (got {Format(settings.Clip)}).");
        }

        if (settings.AdaptiveClip && settings.Dp == DpMode.Record)
        {
            throw new UserInputException("--clip adaptive applies to site-level DP (--dp site or both); record-level DP-SGD needs a fixed per-example clip.");
        }

        var options = new PrivacyOptions
        {
            Mode = settings.Dp,
            Delta = settings.Delta,
            RecordClip = settings.Clip,
            SiteClip = settings.Clip,
            AdaptiveSiteClip = settings.AdaptiveClip,
            MaxEpsilon = settings.MaxEpsilon ?? settings.TargetEpsilon,
        };
        if (options.RecordLevel)
        {
            if (settings.LocalSteps <= 0)
            {
                throw new UserInputException("record-level DP counts DP-SGD steps: use --local-steps, not --local-epochs.");
            }

            var q = settings.SamplingRate ?? defaultSamplingRate?.Invoke()
                ?? throw new UserInputException("record-level DP needs a sampling rate: the coordinator does not know the sites' sizes, so give SamplingRate (e.g. the batch size over a typical site's training rows).");
            if (!(q > 0 && q <= 1))
            {
                throw new UserInputException($"--sampling-rate must be in (0, 1] (got {Format(q)}).");
            }

            var steps = (long)settings.Rounds * settings.LocalSteps;
            options = options with
            {
                RecordSamplingRate = q,
                RecordNoiseMultiplier = settings.NoiseMultiplier ?? Calibrate(settings.TargetEpsilon!.Value, q, steps, settings.Delta, "record-level"),
            };
        }

        if (options.SiteLevel)
        {
            var noise = settings.NoiseMultiplier ?? Calibrate(settings.TargetEpsilon!.Value, 1.0, settings.Rounds, settings.Delta, "site-level");
            if (secure.Enabled)
            {
                noise = DistributedNoise(settings, secure, noise, modelParameters, sampledSites, minFitSites);
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
        SimSettings settings, SecureAggregationOptions secure, double noise, int modelParameters, int sampledSites, int minFitSites)
    {
        var projection = new DistributedDpProjection(modelParameters, minFitSites, secure);
        if (settings.NoiseMultiplier is null)
        {
            var fewest = projection.MinimumContributors(sampledSites);
            noise = RoundUp(noise * Math.Sqrt((double)sampledSites / fewest));
        }

        try
        {
            _ = DistributedDpPlan.Create(modelParameters, settings.Clip, noise, sampledSites, secure.ModulusBits);
        }
        catch (DistributedDpConfigurationException ex)
        {
            throw new UserInputException($"site-level DP under secure aggregation: {ex.Message}", ex);
        }

        return noise;
    }

    /// <summary>Up to 3 significant digits, never down (less noise than calibrated would overspend).</summary>
    private static double RoundUp(double value)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)) - 2);
        return Math.Ceiling(value / magnitude) * magnitude;
    }

    /// <summary>δ should be well below 1/n for the largest site, or one patient could be exposed outright.</summary>
    public static string? DeltaWarning(double delta, PreparedDataset dataset)
    {
        var largest = dataset.Description.Sites.Max(s => s.TrainRows);
        return delta >= 1.0 / largest
            ? $"δ = {Format(delta)} is not below 1/n = {Format(1.0 / largest)} for a site with {largest} training rows; choose a smaller --delta."
            : null;
    }

    /// <summary>The expected batch equals --batch-size at the median site.</summary>
    public static double DefaultSamplingRate(int batchSize, PreparedDataset dataset)
    {
        var rows = dataset.Description.Sites.Select(s => s.TrainRows).Order().ToList();
        var median = rows[rows.Count / 2];
        return Math.Min(1.0, Math.Round((double)batchSize / median, 4, MidpointRounding.AwayFromZero));
    }

    private static double Calibrate(double epsilon, double q, long steps, double delta, string scope)
    {
        try
        {
            return NoiseCalibration.NoiseMultiplier(epsilon, q, steps, delta);
        }
        catch (ArgumentException ex)
        {
            throw new UserInputException($"{scope} DP: {ex.Message}", ex);
        }
    }

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
