using System.Collections.Immutable;
using Akka.Actor;
using Akka.TestKit;
using FedHealth.Coordinator.Rounds;
using FedHealth.Coordinator.Strategies;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Strategy;
using FedHealth.Core.Weights;
using Xunit.Abstractions;

namespace FedHealth.Coordinator.Tests.Senders;

/// <summary>A site (or any actor) that speaks in another site's name is refused, named, and changes nothing.</summary>
public sealed class ImpersonationSpecs(ITestOutputHelper output) : ProductionWiredTestKit(output)
{
    private static readonly StudyId Study = new("study-1");
    private static readonly ModelWeights Global = Models.Weights(0, 0, 0);

    [Fact]
    public void A_fit_reply_in_another_sites_name_is_refused_and_the_round_aggregates_the_honest_updates()
    {
        var (sites, round) = StartRound(3);
        var (attacker, victim) = (sites[0], sites[1]);

        round.Tell(new FitReply(Study, 1, victim.Site, Models.Weights(100, 100, 100), 1000, 0.1, 5), attacker.Probe);
        foreach (var (site, probe) in sites)
        {
            round.Tell(new FitReply(Study, 1, site, Models.Weights(1, 1, 1), 10, 0.4, 5), probe);
        }

        AnswerEvaluation(sites, round);
        var done = ExpectMsg<RoundCompleted>();

        Assert.Equal([1f, 1f, 1f], done.Global.Flat.ToArray());
        Assert.Equal(3, done.Record.SitesSucceeded.Count);
        var refused = Assert.Single(done.Record.RefusedMessages);
        Assert.Equal(victim.Site, refused.ClaimedSite);
        Assert.Equal($"site {attacker.Site}", refused.RealSender);
        Assert.Equal(nameof(FitReply), refused.MessageType);
    }

    [Fact]
    public void A_failure_reported_in_another_sites_name_does_not_remove_that_site()
    {
        var (sites, round) = StartRound(3);
        var (attacker, victim) = (sites[0], sites[1]);

        round.Tell(new StageFailed(Study, 1, ProtocolStage.Fit, victim.Site, "spoofed"), attacker.Probe);
        foreach (var (site, probe) in sites)
        {
            round.Tell(new FitReply(Study, 1, site, Models.Weights(2, 2, 2), 10, 0.4, 5), probe);
        }

        AnswerEvaluation(sites, round);
        var done = ExpectMsg<RoundCompleted>();

        Assert.Empty(done.Record.Failures);
        Assert.Contains(victim.Site, done.Record.SitesSucceeded);
        Assert.Equal(nameof(StageFailed), Assert.Single(done.Record.RefusedMessages).MessageType);
    }

    [Fact]
    public void An_evaluation_reply_in_another_sites_name_is_refused()
    {
        var (sites, round) = StartRound(2);
        foreach (var (site, probe) in sites)
        {
            round.Tell(new FitReply(Study, 1, site, Models.Weights(1, 1, 1), 10, 0.4, 5), probe);
        }

        var instruction = sites[0].Probe.ExpectMsg<EvaluateInstruction>();
        sites[1].Probe.ExpectMsg<EvaluateInstruction>();
        round.Tell(new EvaluateReply(Study, instruction.Round, sites[1].Site, Models.Evaluation(5, 0.0)), sites[0].Probe);
        foreach (var (site, probe) in sites)
        {
            round.Tell(new EvaluateReply(Study, instruction.Round, site, Models.Evaluation(5, 0.8)), probe);
        }

        var done = ExpectMsg<RoundCompleted>();

        Assert.Equal(0.8, done.Record.Evaluation!.Accuracy, 6);
        Assert.Equal(nameof(EvaluateReply), Assert.Single(done.Record.RefusedMessages).MessageType);
    }

    [Fact]
    public void An_actor_that_is_no_registered_site_cannot_speak_for_one_and_each_kind_is_counted()
    {
        var (sites, round) = StartRound(2);
        var stranger = CreateTestProbe();

        for (var i = 0; i < 3; i++)
        {
            round.Tell(new FitReply(Study, 1, sites[0].Site, Models.Weights(9, 9, 9), 10, 0.4, 5), stranger);
        }

        foreach (var (site, probe) in sites)
        {
            round.Tell(new FitReply(Study, 1, site, Models.Weights(1, 1, 1), 10, 0.4, 5), probe);
        }

        AnswerEvaluation(sites, round);
        var refused = Assert.Single(ExpectMsg<RoundCompleted>().Record.RefusedMessages);

        Assert.StartsWith("unregistered actor", refused.RealSender, StringComparison.Ordinal);
        Assert.Equal(3, refused.Count);
    }

    private (List<(SiteId Site, TestProbe Probe)> Sites, IActorRef Round) StartRound(int count)
    {
        var sites = Enumerable.Range(0, count).Select(i => (Models.Site($"site-{i}"), CreateTestProbe())).ToList();
        var refs = sites.ToImmutableSortedDictionary(p => p.Item1, p => p.Item2.Ref);
        var plan = new RoundPlan(
            new RoundContext(Study, 1, 42, refs.Keys.ToList()),
            Models.Spec,
            Global,
            new FedAvg(new FedAvgOptions(Models.Config, MinFitSites: count)),
            refs,
            count,
            1,
            TimeSpan.FromSeconds(30),
            TimeSpan.FromSeconds(5));
        var round = ActorOfAsTestActorRef<RoundActor>(RoundActor.Props(plan), TestActor);
        foreach (var (_, probe) in sites)
        {
            probe.ExpectMsg<FitInstruction>();
        }

        return (sites, round);
    }

    private static void AnswerEvaluation(IReadOnlyList<(SiteId Site, TestProbe Probe)> sites, IActorRef round)
    {
        foreach (var (site, probe) in sites)
        {
            var instruction = probe.ExpectMsg<EvaluateInstruction>();
            round.Tell(new EvaluateReply(Study, instruction.Round, site, Models.Evaluation(5, 0.8)), probe);
        }
    }
}
