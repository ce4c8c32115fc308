using FedHealth.Core.Ids;
using FedHealth.Core.Options;
using FedHealth.Core.Training;

namespace FedHealth.Coordinator.Composition;

/// <summary>
/// The study a request asks for in a host's environment: model, sampling, secure aggregation,
/// pooled statistics and calibrated privacy, with the refusals of conflicting choices.
/// </summary>
public static class StudyPlanner
{
    public static StudyOptions Plan(StudyRequest request, StudyEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(environment);
        var sites = environment.Sites;
        var model = request.ModelKind == ModelKind.Mlp
            ? ModelSpec.Mlp(environment.Features, request.HiddenLayers.ToArray())
            : ModelSpec.LogisticRegression(environment.Features);
        var sampled = Math.Max(1, (int)Math.Ceiling(request.FractionFit * sites));
        var minFit = request.MinFitSites ?? Math.Max(1, (sampled + 1) / 2);
        if (minFit > sites)
        {
            throw new StudyRequestException($"--min-fit-sites is {minFit} but the data has only {sites} sites.");
        }

        var secure = SecureAggregationFor(request, environment);
        var privacy = PrivacyPlanner.Plan(request, environment.DefaultSamplingRate, secure, model.ParameterCount, sampled, minFit);
        return new StudyOptions
        {
            Study = new StudyId(request.Id),
            Rounds = request.Rounds,
            MaxConsecutiveAbortedRounds = request.MaxConsecutiveAbortedRounds,
            Model = model,
            Fit = new FitConfig(request.OptimizerKind, request.LearningRate, request.BatchSize, request.EffectiveLocalSteps, request.EffectiveLocalEpochs, request.Seed),
            FractionFit = request.FractionFit,
            MinFitSites = minFit,
            MinAvailableSites = request.MinAvailableSites ?? sites,
            FitTimeout = TimeSpan.FromSeconds(request.FitTimeoutSeconds),
            RegistrationTimeout = environment.RegistrationTimeout,
            Seed = request.Seed,
            Privacy = privacy,
            SecureAggregation = secure,
            FederatedStatistics = FederatedStatisticsFor(request, secure, environment.StatisticsLength),
        };
    }

    private static FederatedStatisticsOptions? FederatedStatisticsFor(StudyRequest request, SecureAggregationOptions secure, int statisticsLength)
    {
        var federated = request.Normalize is null ? secure.Enabled : request.Normalize == "federated";
        if (!federated)
        {
            return null;
        }

        if (!secure.Enabled)
        {
            throw new StudyRequestException("--normalize federated pools the sites' statistics by secure aggregation, which is off: use --secure-aggregation on (needs at least 3 sites) or --normalize site.");
        }

        return new FederatedStatisticsOptions { VectorLength = statisticsLength };
    }

    private static SecureAggregationOptions SecureAggregationFor(StudyRequest request, StudyEnvironment environment)
    {
        // Adaptive clipping needs its own noised count, which secure aggregation does not carry yet:
        // by default such a study runs with central DP instead (asking for both is refused).
        var siteLevel = request.DpMode is DpMode.Site or DpMode.Both;
        var sites = environment.Sites;
        var enabled = request.SecureAggregation ?? (sites >= 3 && !(siteLevel && request.AdaptiveClip));
        if (enabled && siteLevel && request.AdaptiveClip)
        {
            throw new StudyRequestException("--clip adaptive is not available with secure aggregation (it would need a second, noised secure sum): use a fixed --clip, or --secure-aggregation off.");
        }

        if (enabled && sites < 3)
        {
            throw new StudyRequestException($"--secure-aggregation on needs at least 3 sites (the data has {sites}): with fewer, the sum reveals each update to the other site.");
        }

        if (environment.SimulatedDropout > 0 && !enabled)
        {
            throw new StudyRequestException("--dropout simulates sites vanishing during secure aggregation; it needs --secure-aggregation on.");
        }

        return enabled
            ? new SecureAggregationOptions
            {
                Enabled = true,
                ExpectedDropout = Math.Max(environment.SimulatedDropout, 0.1),
                StageTimeout = TimeSpan.FromSeconds(request.StageTimeoutSeconds),
            }
            : SecureAggregationOptions.Off;
    }
}
