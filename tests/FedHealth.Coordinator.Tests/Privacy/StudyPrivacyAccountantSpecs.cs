using FedHealth.Coordinator.Privacy;
using FedHealth.Core.Ids;
using FedHealth.Core.Options;
using FedHealth.Privacy.Accounting;
using FedHealth.Privacy.Distributed;

namespace FedHealth.Coordinator.Tests.Privacy;

public sealed class StudyPrivacyAccountantSpecs : IDisposable
{
    private static readonly StudyId Study = new("dp-study");
    private static readonly SiteId[] Sites = [new("a"), new("b")];
    private readonly string _folder = Directory.CreateTempSubdirectory("fedhealth-ledger-").FullName;

    private static PrivacyOptions Options(double? max) => new()
    {
        Mode = DpMode.Both,
        Delta = 1e-5,
        RecordNoiseMultiplier = 1.1,
        RecordSamplingRate = 0.05,
        SiteNoiseMultiplier = 2.0,
        MaxEpsilon = max,
    };

    private string LedgerPath => Path.Combine(_folder, "ledger.json");

    [Fact]
    public void Cumulative_epsilon_is_the_accountant_over_all_released_rounds()
    {
        var accountant = new StudyPrivacyAccountant(Study, Options(null), localSteps: 50, LedgerPath);

        accountant.Record(1, Sites);
        var spent = accountant.Record(2, Sites);

        Assert.Equal(RdpAccountant.Epsilon(1.1, 0.05, 100, 1e-5).Epsilon, spent.EpsilonRecord!.Value, 9);
        Assert.Equal(RdpAccountant.Epsilon(2.0, 1.0, 2, 1e-5).Epsilon, spent.EpsilonSite!.Value, 9);
        Assert.Equal(1e-5, spent.Delta);
    }

    [Fact]
    public void A_round_that_would_exceed_the_budget_is_refused_with_the_numbers()
    {
        var oneRound = RdpAccountant.Epsilon(2.0, 1.0, 1, 1e-5).Epsilon;
        var accountant = new StudyPrivacyAccountant(Study, Options(max: oneRound * 1.2) with { Mode = DpMode.Site }, localSteps: 50, LedgerPath);

        Assert.Null(accountant.Refusal(1, Sites));
        accountant.Record(1, Sites);
        var refusal = accountant.Refusal(2, Sites);

        Assert.NotNull(refusal);
        Assert.Contains("would be exceeded", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ledger_survives_a_restart_of_the_coordinator_and_still_enforces_the_budget()
    {
        var options = Options(max: 3.0);
        var before = new StudyPrivacyAccountant(Study, options, localSteps: 200, LedgerPath);
        var round = 0;
        while (before.Refusal(round + 1, Sites) is null)
        {
            before.Record(++round, Sites);
        }

        var after = new StudyPrivacyAccountant(Study, options, localSteps: 200, LedgerPath);

        Assert.Equal(round, after.LastRound);
        Assert.Equal(before.Spent(), after.Spent());
        Assert.NotNull(after.Refusal(round + 1, Sites));
    }

    [Fact]
    public void Distributed_dp_is_charged_for_the_noise_of_the_sites_that_really_contributed()
    {
        var options = Options(null) with { Mode = DpMode.Site, SiteClip = 1.0 };
        var projection = new DistributedDpProjection(modelDimension: 30, minFitSites: 2, new SecureAggregationOptions { Enabled = true });
        var all = new StudyPrivacyAccountant(Study, options, localSteps: 1, null, projection);
        var fewer = new StudyPrivacyAccountant(Study, options, localSteps: 1, null, projection);
        var plan = DistributedDpPlan.Create(30, 1.0, 2.0, 4, 32);

        var withAll = all.Record(1, Sites, Noise(plan, 4)).EpsilonSite!.Value;
        var withThree = fewer.Record(1, Sites, Noise(plan, 3)).EpsilonSite!.Value;

        Assert.True(withThree > withAll);
        // Ample noise per site: the distributed mechanism costs what a central Gaussian of the same multiplier costs.
        Assert.Equal(RdpAccountant.Epsilon(2.0, 1.0, 1, 1e-5).Epsilon, withAll, 3);
    }

    [Fact]
    public void Before_a_distributed_round_the_budget_is_checked_against_the_fewest_survivors_it_could_release_with()
    {
        var projection = new DistributedDpProjection(modelDimension: 30, minFitSites: 2, new SecureAggregationOptions { Enabled = true });
        var full = RdpAccountant.Epsilon(2.0, 1.0, 1, 1e-5).Epsilon;
        var options = Options(max: full * 1.01) with { Mode = DpMode.Site, SiteClip = 1.0 };
        var accountant = new StudyPrivacyAccountant(Study, options, localSteps: 1, null, projection);
        SiteId[] four = [new("a"), new("b"), new("c"), new("d")];

        // All four contributing would fit the budget, but the round could end with only the threshold's survivors.
        Assert.True(projection.MinimumContributors(4) < 4);
        Assert.NotNull(accountant.Refusal(1, four));
    }

    [Fact]
    public void A_distributed_round_without_a_record_of_its_noise_is_not_accepted()
    {
        var projection = new DistributedDpProjection(30, 2, new SecureAggregationOptions { Enabled = true });
        var accountant = new StudyPrivacyAccountant(Study, Options(null) with { Mode = DpMode.Site }, localSteps: 1, null, projection);

        Assert.Throws<InvalidOperationException>(() => accountant.Record(1, Sites));
    }

    private static DistributedNoiseUsed Noise(DistributedDpPlan plan, int contributors) => new(
        plan.L2Sensitivity, plan.L1Sensitivity, plan.Noise.SiteVariance.Value, contributors, plan.PaddedDimension, plan.Clip, plan.EffectiveNoiseMultiplier(contributors));

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
