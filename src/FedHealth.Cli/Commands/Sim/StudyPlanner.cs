using FedHealth.Cli.Console;
using FedHealth.Core.Ids;
using FedHealth.Core.Options;
using FedHealth.Core.Training;

namespace FedHealth.Cli.Commands.Sim;

/// <summary>
/// The study a set of flags (or a coordinator's configuration) asks for: model, sampling, secure
/// aggregation, pooled statistics and calibrated privacy, with the refusals of conflicting choices.
/// </summary>
internal static class StudyPlanner
{
    /// <param name="statisticsLength">Length of the encoded feature statistics (for pooled normalisation).</param>
    /// <param name="defaultSamplingRate">DP-SGD's sampling rate when none is given; null when unknown (then it must be given).</param>
    public static StudyOptions Plan(
        SimSettings settings, StudyId study, int sites, int features, int statisticsLength, Func<double>? defaultSamplingRate)
    {
        var model = settings.Model == ModelKind.Mlp
            ? ModelSpec.Mlp(features, settings.Hidden.ToArray())
            : ModelSpec.LogisticRegression(features);
        var sampled = Math.Max(1, (int)Math.Ceiling(settings.FractionFit * sites));
        var minFit = settings.MinFitSites ?? Math.Max(1, (sampled + 1) / 2);
        if (minFit > sites)
        {
            throw new UserInputException($"--min-fit-sites is {minFit} but the data has only {sites} sites.");
        }

        var secure = SecureAggregationFor(settings, sites);
        var privacy = PrivacyPlanner.Plan(settings, defaultSamplingRate, secure, model.ParameterCount, sampled, minFit);
        return new StudyOptions
        {
            Study = study,
            Rounds = settings.Rounds,
            Model = model,
            Fit = new FitConfig(settings.Optimizer, settings.LearningRate, settings.BatchSize, settings.LocalSteps, settings.LocalEpochs, settings.Seed),
            FractionFit = settings.FractionFit,
            MinFitSites = minFit,
            MinAvailableSites = settings.MinAvailableSites ?? sites,
            FitTimeout = settings.FitTimeout,
            RegistrationTimeout = settings.RegistrationTimeout,
            Seed = settings.Seed,
            Privacy = privacy,
            SecureAggregation = secure,
            FederatedStatistics = FederatedStatisticsFor(settings, secure, statisticsLength),
        };
    }

    private static FederatedStatisticsOptions? FederatedStatisticsFor(SimSettings settings, SecureAggregationOptions secure, int statisticsLength)
    {
        var federated = settings.FederatedNormalization ?? secure.Enabled;
        if (!federated)
        {
            return null;
        }

        if (!secure.Enabled)
        {
            throw new UserInputException("--normalize federated pools the sites' statistics by secure aggregation, which is off: use --secure-aggregation on (needs at least 3 sites) or --normalize site.");
        }

        return new FederatedStatisticsOptions { VectorLength = statisticsLength };
    }

    private static SecureAggregationOptions SecureAggregationFor(SimSettings settings, int sites)
    {
        // Adaptive clipping needs its own noised count, which secure aggregation does not carry yet:
        // by default such a study runs with central DP instead (asking for both is refused).
        var siteLevel = settings.Dp is DpMode.Site or DpMode.Both;
        var enabled = settings.SecureAggregation ?? (sites >= 3 && !(siteLevel && settings.AdaptiveClip));
        if (enabled && siteLevel && settings.AdaptiveClip)
        {
            throw new UserInputException("--clip adaptive is not available with secure aggregation (it would need a second, noised secure sum): use a fixed --clip, or --secure-aggregation off.");
        }

        if (enabled && sites < 3)
        {
            throw new UserInputException($"--secure-aggregation on needs at least 3 sites (the data has {sites}): with fewer, the sum reveals each update to the other site.");
        }

        if (settings.Dropout > 0 && !enabled)
        {
            throw new UserInputException("--dropout simulates sites vanishing during secure aggregation; it needs --secure-aggregation on.");
        }

        return enabled
            ? new SecureAggregationOptions { Enabled = true, ExpectedDropout = Math.Max(settings.Dropout, 0.1), StageTimeout = settings.StageTimeout }
            : SecureAggregationOptions.Off;
    }

}
