using FedHealth.Coordinator.Tests.Support;
using FedHealth.Node.Policy;
using FedHealth.Privacy.Accounting;
using static FedHealth.Coordinator.Tests.Node.Policy.PolicyInstructions;

namespace FedHealth.Coordinator.Tests.Node.Policy;

public sealed class SitePolicyCheckSpecs
{
    private static readonly RdpCurve Nothing = RdpCurve.Zero();

    private static PolicyVerdict Assess(NodePrivacyPolicy policy, Core.Protocol.FitInstruction instruction, RdpCurve? study = null, RdpCurve? total = null) =>
        SitePolicyCheck.Assess(policy, instruction, 100, study ?? Nothing, total ?? Nothing, DateTimeOffset.UnixEpoch);

    [Fact]
    public void An_honest_instruction_is_allowed_and_charged_with_the_sites_own_cost()
    {
        var verdict = Assess(Strict, Fit(1));

        Assert.True(verdict.Allowed, verdict.Refusal);
        var charge = Assert.IsType<SiteCharge>(verdict.Charge);
        Assert.Equal((10L, 1.0, 0.05), (charge.Steps, charge.NoiseMultiplier, charge.SamplingRate));
        Assert.Equal(SubsampledGaussianRdp.Curve(0.05, 1.0, 10), charge.Cost);
        Assert.Equal(charge.Cost.ToEpsilon(1e-5).Epsilon, charge.Epsilon, 12);
    }

    [Fact]
    public void Training_without_DP_is_refused_when_the_site_requires_DP()
    {
        var verdict = Assess(Strict, Fit(1, sigma: null));

        Assert.False(verdict.Allowed);
        Assert.Contains("Node:Privacy:RequireDp", verdict.Refusal, StringComparison.Ordinal);
        Assert.Null(verdict.Charge);
    }

    [Fact]
    public void Training_without_DP_is_refused_under_an_epsilon_limit_even_when_DP_is_not_required()
    {
        var verdict = Assess(Strict with { RequireDp = false }, Fit(1, sigma: null));

        Assert.Contains("unbounded", verdict.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_noise_multiplier_of_one_billionth_is_refused_naming_the_round_epsilon_the_spend_and_the_limit()
    {
        var verdict = Assess(Strict, Fit(1, sigma: 1e-9));

        Assert.False(verdict.Allowed);
        Assert.Contains("σ = 1E-09", verdict.Refusal, StringComparison.Ordinal);
        Assert.Matches(@"would cost ε = (∞|Infinity|[0-9.E+]+) at δ = 1E-05", verdict.Refusal);
        Assert.Contains("spent ε = 0 on the study so far and its limit is ε = 3 per study", verdict.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_round_is_refused_when_the_site_requires_secure_aggregation()
    {
        var verdict = Assess(Strict, Fit(1, secure: false));

        Assert.Contains("plain round", verdict.Refusal, StringComparison.Ordinal);
        Assert.Contains("Node:Privacy:RequireSecureAggregation", verdict.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_billion_local_steps_are_refused_naming_the_limit()
    {
        var verdict = Assess(Strict, Fit(1, steps: 2_000_000_000));

        Assert.Contains("2000000000 local steps; this site allows at most 10000 (Node:Training:MaxLocalSteps)", verdict.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void The_steps_of_an_epoch_based_instruction_are_counted_in_64_bits()
    {
        var config = Models.Config with { LocalSteps = 0, LocalEpochs = int.MaxValue, BatchSize = 1 };

        Assert.Equal((long)int.MaxValue * 100, SitePolicyCheck.Steps(config, 100));
        Assert.Null(SitePolicyCheck.Steps(config with { BatchSize = 0 }, 100));
    }

    [Fact]
    public void The_total_limit_counts_what_other_studies_spent()
    {
        var spentElsewhere = SubsampledGaussianRdp.Curve(0.05, 1.0, 4000);
        Assert.True(SitePolicyCheck.Epsilon(spentElsewhere, 1e-5) > 5);

        var verdict = Assess(Strict, Fit(1, study: "new-study"), study: Nothing, total: spentElsewhere);

        Assert.Contains("across all studies so far and its limit is ε = 5 (Node:Privacy:MaxEpsilon)", verdict.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void The_permissive_policy_of_the_simulator_accepts_a_plain_round_without_DP_and_charges_nothing()
    {
        var verdict = Assess(NodePrivacyPolicy.Permissive, Fit(1, sigma: null, steps: 2_000_000_000, secure: false));

        Assert.True(verdict.Allowed);
        Assert.Null(verdict.Charge);
    }
}
