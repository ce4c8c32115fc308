using FedHealth.Core.Ids;
using FedHealth.Core.Options;
using FedHealth.Privacy.Accounting;
using FedHealth.Privacy.Distributed;
using FedHealth.Privacy.Ledger;

namespace FedHealth.Coordinator.Privacy;

/// <summary>
/// The coordinator's side of the privacy ledger: what a round would spend, whether the budget
/// allows it, and what was spent once the round's model was released. The ledger file is written
/// (atomically) before the round's result is used, so a restart neither loses nor repeats a round.
/// </summary>
public sealed class StudyPrivacyAccountant
{
    private const int SiteLevelStepsPerRound = 1;
    private readonly PrivacyOptions _options;
    private readonly PrivacyLedger _ledger;
    private readonly string? _path;
    private readonly int _localSteps;
    private readonly DistributedDpProjection? _distributed;

    /// <param name="distributed">For site-level DP under secure aggregation (distributed DP): how to project a round's worst case.</param>
    public StudyPrivacyAccountant(StudyId study, PrivacyOptions options, int localSteps, string? ledgerPath, DistributedDpProjection? distributed = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _localSteps = localSteps;
        _distributed = distributed;
        _path = ledgerPath;
        var budget = options.MaxEpsilon is { } max ? new PrivacyBudget(max, options.Delta) : null;
        _ledger = ledgerPath is not null && File.Exists(ledgerPath)
            ? PrivacyLedger.Load(ledgerPath, study)
            : new PrivacyLedger(study, budget);
    }

    /// <summary>The last round the ledger has seen (a restarted study resumes after it).</summary>
    public int LastRound => _ledger.LastRound;

    /// <summary>Null when the round may start; otherwise the reason, with the numbers.</summary>
    public string? Refusal(int round, IReadOnlyList<SiteId> sites)
    {
        if (_options.MaxEpsilon is not { } max)
        {
            return null;
        }

        var decision = _ledger.CanSpend(Plan(round, sites), new PrivacyBudget(max, _options.Delta));
        return decision.Allowed ? null : decision.Reason;
    }

    /// <summary>Records what a released round spent, saves the ledger, and returns the cumulative ε.</summary>
    /// <param name="distributedNoise">The noise really in the sum when the sites added it (distributed DP); required then.</param>
    public PrivacySpent Record(int round, IReadOnlyList<SiteId> contributors, DistributedNoiseUsed? distributedNoise = null)
    {
        var plan = Plan(round, contributors);
        if (_options.SiteLevel && _distributed is not null)
        {
            var noise = distributedNoise
                ?? throw new InvalidOperationException($"Round {round} was released under distributed DP without a record of its noise.");
            var curve = DistributedDiscreteGaussianRdp.Curve(
                noise.L2Sensitivity, noise.L1Sensitivity, noise.SiteVariance, noise.Contributors, noise.Dimension, 1, _ledger.Orders);
            _ledger.Record(new LedgerEntry(round, PrivacyScope.Site, null,
                new MechanismParameters("distributed_discrete_gaussian", noise.EffectiveNoiseMultiplier, 1.0, SiteLevelStepsPerRound, noise.Clip, noise.Contributors),
                curve));
        }
        else if (plan.SiteLevel is not null)
        {
            _ledger.Record(new LedgerEntry(round, PrivacyScope.Site, null,
                new MechanismParameters("central_gaussian", _options.SiteNoiseMultiplier, 1.0, SiteLevelStepsPerRound, _options.SiteClip, contributors.Count),
                plan.SiteLevel));
        }

        foreach (var (site, curve) in plan.RecordLevel)
        {
            _ledger.Record(new LedgerEntry(round, PrivacyScope.Record, site,
                new MechanismParameters("subsampled_gaussian", _options.RecordNoiseMultiplier, _options.RecordSamplingRate, _localSteps, _options.RecordClip),
                curve));
        }

        if (_path is not null)
        {
            _ledger.Save(_path);
        }

        return Spent();
    }

    public PrivacySpent Spent() => new(
        _options.RecordLevel ? _ledger.MaxRecordLevelEpsilon(_options.Delta)?.Epsilon ?? 0 : null,
        _options.SiteLevel ? _ledger.SiteLevelEpsilon(_options.Delta)?.Epsilon ?? 0 : null,
        _options.Delta);

    private PlannedRoundCost Plan(int round, IReadOnlyList<SiteId> sites)
    {
        // Site-level: every site is in every released sum (no amplification by site sampling is claimed).
        var siteLevel = !_options.SiteLevel ? null
            : _distributed is not null ? _distributed.WorstCase(sites.Count, _options.SiteClip, _options.SiteNoiseMultiplier, _ledger.Orders)
            : SubsampledGaussianRdp.Curve(1.0, _options.SiteNoiseMultiplier, SiteLevelStepsPerRound, _ledger.Orders);
        var recordLevel = new Dictionary<SiteId, RdpCurve>();
        if (_options.RecordLevel)
        {
            var curve = SubsampledGaussianRdp.Curve(_options.RecordSamplingRate, _options.RecordNoiseMultiplier, _localSteps, _ledger.Orders);
            foreach (var site in sites)
            {
                recordLevel[site] = curve;
            }
        }

        return new PlannedRoundCost(round, siteLevel, recordLevel);
    }
}
