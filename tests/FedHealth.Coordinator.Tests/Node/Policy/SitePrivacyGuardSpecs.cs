using FedHealth.Coordinator.Tests.Support;
using FedHealth.Node.Policy;
using FedHealth.Privacy.Accounting;
using static FedHealth.Coordinator.Tests.Node.Policy.PolicyInstructions;

namespace FedHealth.Coordinator.Tests.Node.Policy;

public sealed class SitePrivacyGuardSpecs : IDisposable
{
    private readonly TempLedger _ledger = new();

    public void Dispose() => _ledger.Dispose();

    [Fact]
    public void The_same_round_sent_five_times_is_charged_five_times_and_refused_once_the_limit_is_reached()
    {
        var sigma = 1.0;
        var steps = 200;
        var threeRounds = SitePolicyCheck.Epsilon(SubsampledGaussianRdp.Curve(0.05, sigma, 3 * steps), 1e-5);
        var fourRounds = SitePolicyCheck.Epsilon(SubsampledGaussianRdp.Curve(0.05, sigma, 4 * steps), 1e-5);
        var limit = (threeRounds + fourRounds) / 2;
        var guard = new SitePrivacyGuard(Strict with { MaxEpsilonPerStudy = limit, MaxEpsilon = null, MaxAttemptsPerRound = 10 }, _ledger.Open());

        var refusals = Enumerable.Range(0, 5).Select(_ => guard.Admit(Fit(7, sigma, steps), 100)).ToList();

        Assert.Equal([true, true, true, false, false], refusals.Select(r => r is null));
        Assert.Equal(3, _ledger.Open().Charges().Count(c => c.Round == 7));
        Assert.Contains($"limit is ε = {limit.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)} per study", refusals[3], StringComparison.Ordinal);
    }

    [Fact]
    public void A_resent_round_is_charged_again_to_the_ledger()
    {
        var guard = new SitePrivacyGuard(Strict, _ledger.Open());

        Assert.Null(guard.Admit(Fit(3), 100));
        Assert.Null(guard.Admit(Fit(3), 100));

        var charges = _ledger.Open().Charges();
        Assert.Equal([3, 3], charges.Select(c => c.Round));
        Assert.Equal(charges[0].Cost.Add(charges[1].Cost), _ledger.Open().StudySpent(new("s1")));
    }

    [Fact]
    public void The_same_round_replayed_five_times_is_trained_twice_and_then_refused_naming_the_setting()
    {
        var guard = new SitePrivacyGuard(Strict, _ledger.Open());

        var refusals = Enumerable.Range(0, 5).Select(_ => guard.Admit(Fit(4), 100)).ToList();

        Assert.Equal([true, true, false, false, false], refusals.Select(r => r is null));
        Assert.Equal(2, _ledger.Open().Charges().Count(c => c.Round == 4));
        Assert.Contains("was already trained 2 times", refusals[2], StringComparison.Ordinal);
        Assert.Contains("Node:Privacy:MaxAttemptsPerRound", refusals[4], StringComparison.Ordinal);
        Assert.Null(guard.Admit(Fit(5), 100));
    }

    [Fact]
    public void An_instruction_for_a_study_the_site_is_not_in_is_refused_and_not_charged()
    {
        var guard = new SitePrivacyGuard(Strict with { Studies = new HashSet<string>(StringComparer.Ordinal) { "s1" } }, _ledger.Open());

        var refusal = guard.Admit(Fit(1, study: "someone-elses"), 100);

        Assert.Equal("study someone-elses is not one this site takes part in (Node:Privacy:Studies)", refusal);
        Assert.Empty(_ledger.Open().Charges());
        Assert.Null(guard.Admit(Fit(1), 100));
    }

    [Fact]
    public void The_ledger_survives_a_restart_and_a_new_study_cannot_reset_the_total()
    {
        var policy = Strict with { MaxEpsilonPerStudy = null, MaxEpsilon = 1.0 };
        var before = new SitePrivacyGuard(policy, _ledger.Open());
        while (before.Admit(Fit(1, steps: 100), 100) is null)
        {
        }

        var spent = SitePolicyCheck.Epsilon(_ledger.Open().TotalSpent(), policy.Delta);
        var restarted = new SitePrivacyGuard(policy, _ledger.Open());

        var refusal = restarted.Admit(Fit(1, steps: 100, study: "a-fresh-study"), 100);

        Assert.NotNull(refusal);
        Assert.Contains($"spent ε = {spent.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)} across all studies", refusal, StringComparison.Ordinal);
        Assert.True(spent <= 1.0);
    }

    [Fact]
    public void A_refused_instruction_is_not_charged()
    {
        var guard = new SitePrivacyGuard(Strict, _ledger.Open());

        Assert.NotNull(guard.Admit(Fit(1, sigma: 1e-9), 100));
        Assert.NotNull(guard.Admit(Fit(2, secure: false), 100));

        Assert.Empty(_ledger.Open().Charges());
    }
}
