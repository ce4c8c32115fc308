using FedHealth.Coordinator.Privacy;
using FedHealth.Coordinator.Rounds;
using FedHealth.Coordinator.Strategies;
using FedHealth.Core.Ids;
using FedHealth.Core.Options;
using FedHealth.Core.Strategy;
using FedHealth.Privacy.Sampling;

namespace FedHealth.Coordinator.Composition;

/// <summary>
/// The one way a study is composed, for every host (<c>sim</c>, <c>sim --processes</c>, the
/// coordinator service): the request is checked, planned in the host's environment, and turned
/// into the strategy chain, the privacy accountant and the secure-aggregation settings.
/// </summary>
public static class StudyComposer
{
    public static StudyPlan Compose(StudyRequest request, StudyEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(environment);
        if (request.Problems(string.Empty) is { Count: > 0 } problems)
        {
            throw new StudyRequestException(string.Join(" ", problems));
        }

        var study = StudyPlanner.Plan(request, environment);
        if (study.Validate() is { Count: > 0 } invalid)
        {
            throw new StudyRequestException(string.Join(" ", invalid));
        }

        var strategy = StrategyFor(request.StrategySettings, study);
        // The sites' signing keys come with their registrations (a simulation enrols them up front).
        var secure = study.SecureAggregation.Enabled ? SecureRoundSettings.For(study, new Dictionary<SiteId, byte[]>()) : null;
        return new StudyPlan(study, strategy, AccountantFor(study, request.EffectiveLocalSteps, environment.LedgerFolder), secure)
        {
            Definition = Persistence.StudyDefinition.Of(request),
        };
    }

    /// <summary>The strategy inside the DP decorator; a strategy that cannot run with the study's protections is refused here, before any site trains.</summary>
    private static IStrategy StrategyFor(StrategySettings settings, StudyOptions study)
    {
        IStrategy strategy;
        try
        {
            if (study.SecureAggregation.Enabled && StrategyCatalog.RefusalUnderSecureAggregation(settings) is { } secure)
            {
                throw new StudyRequestException(secure);
            }

            if (study.Privacy.SiteLevel && StrategyCatalog.RefusalUnderSiteLevelDp(settings) is { } siteLevel)
            {
                throw new StudyRequestException(siteLevel);
            }

            strategy = StrategyCatalog.Create(settings, new FedAvgOptions(study.Fit, study.FractionFit, study.MinFitSites));
        }
        catch (ArgumentException ex)
        {
            throw new StudyRequestException(ex.Message, ex);
        }

        strategy = study.Privacy.Mode == DpMode.Off
            ? strategy
            : new DifferentialPrivacyStrategy(strategy, study.Privacy, () => new OsRandomSource());
        if (study.SecureAggregation.Enabled && strategy is not ISecureSumStrategy)
        {
            throw new StudyRequestException($"the strategy {strategy.Name} needs the sites' individual updates, which secure aggregation hides: use --secure-aggregation off.");
        }

        return strategy;
    }

    private static StudyPrivacyAccountant? AccountantFor(StudyOptions study, int localSteps, string folder)
    {
        if (study.Privacy.Mode == DpMode.Off)
        {
            return null;
        }

        Directory.CreateDirectory(folder);
        var distributed = study.SecureAggregation.Enabled && study.Privacy.SiteLevel
            ? new DistributedDpProjection(study.Model.ParameterCount, study.MinFitSites, study.SecureAggregation)
            : null;
        return new StudyPrivacyAccountant(study.Study, study.Privacy, localSteps, Path.Combine(folder, StudyPlan.LedgerFileName), distributed);
    }
}
