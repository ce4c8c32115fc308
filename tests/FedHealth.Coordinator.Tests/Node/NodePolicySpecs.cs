using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Protocol;
using FedHealth.Node.Agent;
using FedHealth.Node.Policy;
using Xunit.Abstractions;
using static FedHealth.Coordinator.Tests.Node.Policy.PolicyInstructions;

namespace FedHealth.Coordinator.Tests.Node;

/// <summary>A node agent with its own policy, the round played by a probe (a coordinator that asks too much).</summary>
public sealed class NodePolicySpecs(ITestOutputHelper output) : ProductionWiredTestKit(output)
{
    private readonly TempLedger _ledger = new();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _ledger.Dispose();
        }
    }

    private Akka.Actor.IActorRef Node(NodePrivacyPolicy policy) =>
        Sys.ActorOf(NodeAgentActor.Props(ArithmeticTrainer.Site("h1", 12), new ArithmeticTrainer(), Sys.ActorSelection(CreateTestProbe().Ref.Path),
            guard: new SitePrivacyGuard(policy, _ledger.Open())));

    [Fact]
    public void A_refused_instruction_reaches_the_round_as_a_stage_failure_naming_the_numbers_and_nothing_is_trained()
    {
        var round = CreateTestProbe();
        var node = Node(Strict with { RequireSecureAggregation = false });

        node.Tell(Fit(4, sigma: 1e-9, secure: false), round.Ref);

        var failure = round.ExpectMsg<StageFailed>();
        Assert.Equal((4, ProtocolStage.Fit, "h1"), (failure.Round, failure.Stage, failure.Site.Value));
        Assert.StartsWith("refused by the site's privacy policy: round 4 of study s1 (σ = 1E-09", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("limit is ε = 3 per study", failure.Reason, StringComparison.Ordinal);
        round.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.Empty(_ledger.Open().Charges());
    }

    [Fact]
    public void A_plain_round_is_refused_by_a_site_that_requires_secure_aggregation_without_sending_its_weights()
    {
        var round = CreateTestProbe();
        var node = Node(Strict);

        node.Tell(Fit(2, secure: false), round.Ref);

        Assert.Contains("Node:Privacy:RequireSecureAggregation", round.ExpectMsg<StageFailed>().Reason, StringComparison.Ordinal);
        round.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void An_allowed_plain_round_is_charged_before_the_site_answers_with_its_update()
    {
        var round = CreateTestProbe();
        var node = Node(Strict with { RequireSecureAggregation = false });

        node.Tell(Fit(5, secure: false), round.Ref);

        Assert.Equal(5, round.ExpectMsg<FitReply>().Round);
        Assert.Equal([5], _ledger.Open().Charges().Select(c => c.Round));
    }

    /// <remarks>2,000,000,000 steps never reach the agent: the wire's validation refuses more than 1,000,000 (and the pure check refuses them too).</remarks>
    [Fact]
    public void Training_without_DP_and_more_local_steps_than_the_site_allows_are_refused_by_the_agent()
    {
        var round = CreateTestProbe();
        var node = Node(Strict with { RequireSecureAggregation = false });

        node.Tell(Fit(1, sigma: null, secure: false), round.Ref);
        node.Tell(Fit(2, steps: 20_000, secure: false), round.Ref);

        Assert.Contains("Node:Privacy:RequireDp", round.ExpectMsg<StageFailed>().Reason, StringComparison.Ordinal);
        Assert.Contains("Node:Training:MaxLocalSteps", round.ExpectMsg<StageFailed>().Reason, StringComparison.Ordinal);
        round.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }
}
