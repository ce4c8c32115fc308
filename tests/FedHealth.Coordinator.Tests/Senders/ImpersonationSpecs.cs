using Akka.TestKit;
using FedHealth.Coordinator.Rounds;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Weights;
using Xunit.Abstractions;

namespace FedHealth.Coordinator.Tests.Senders;

/// <summary>A site (or any actor) that speaks in another site's name is refused, named, and changes nothing.</summary>
public sealed class ImpersonationSpecs(ITestOutputHelper output) : ProductionWiredTestKit(output)
{
    private static readonly StudyId Study = RoundFixture.Study;

    [Fact]
    public void A_fit_reply_in_another_sites_name_is_refused_and_the_round_aggregates_the_honest_updates()
    {
        var sites = StartRound(3);
        var (attacker, victim) = (sites[0], sites[1]);

        attacker.Probe.Reply(new FitReply(Study, 1, victim.Site, Models.Weights(100, 100, 100), 1000, 0.1, 5));
        foreach (var (site, probe) in sites)
        {
            probe.Reply(new FitReply(Study, 1, site, Models.Weights(1, 1, 1), 10, 0.4, 5));
        }

        AnswerEvaluation(sites);
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
        var sites = StartRound(3);
        var (attacker, victim) = (sites[0], sites[1]);

        attacker.Probe.Reply(new StageFailed(Study, 1, ProtocolStage.Fit, victim.Site, "spoofed"));
        foreach (var (site, probe) in sites)
        {
            probe.Reply(new FitReply(Study, 1, site, Models.Weights(2, 2, 2), 10, 0.4, 5));
        }

        AnswerEvaluation(sites);
        var done = ExpectMsg<RoundCompleted>();

        Assert.Empty(done.Record.Failures);
        Assert.Contains(victim.Site, done.Record.SitesSucceeded);
        Assert.Equal(nameof(StageFailed), Assert.Single(done.Record.RefusedMessages).MessageType);
    }

    [Fact]
    public void An_evaluation_reply_in_another_sites_name_is_refused()
    {
        var sites = StartRound(2);
        foreach (var (site, probe) in sites)
        {
            probe.Reply(new FitReply(Study, 1, site, Models.Weights(1, 1, 1), 10, 0.4, 5));
        }

        var instruction = sites[0].Probe.ExpectMsg<EvaluateInstruction>();
        sites[1].Probe.ExpectMsg<EvaluateInstruction>();
        sites[0].Probe.Reply(new EvaluateReply(Study, instruction.Round, sites[1].Site, Models.Evaluation(5, 0.0)));
        foreach (var (site, probe) in sites)
        {
            probe.Reply(new EvaluateReply(Study, instruction.Round, site, Models.Evaluation(5, 0.8)));
        }

        var done = ExpectMsg<RoundCompleted>();

        Assert.Equal(0.8, done.Record.Evaluation!.Accuracy, 6);
        Assert.Equal(nameof(EvaluateReply), Assert.Single(done.Record.RefusedMessages).MessageType);
    }

    [Fact]
    public void An_actor_that_is_no_registered_site_cannot_speak_for_one_and_each_kind_is_counted()
    {
        var sites = StartRound(2);
        var stranger = CreateTestProbe();

        for (var i = 0; i < 3; i++)
        {
            sites[0].Probe.LastSender.Tell(new FitReply(Study, 1, sites[0].Site, Models.Weights(9, 9, 9), 10, 0.4, 5), stranger);
        }

        foreach (var (site, probe) in sites)
        {
            probe.Reply(new FitReply(Study, 1, site, Models.Weights(1, 1, 1), 10, 0.4, 5));
        }

        AnswerEvaluation(sites);
        var refused = Assert.Single(ExpectMsg<RoundCompleted>().Record.RefusedMessages);

        Assert.StartsWith("unregistered actor", refused.RealSender, StringComparison.Ordinal);
        Assert.Equal(3, refused.Count);
    }

    /// <summary>A round every site of which has received its fit instruction.</summary>
    private List<(SiteId Site, TestProbe Probe)> StartRound(int count)
    {
        var sites = RoundFixture.Start(this, count, minFit: count, fitTimeout: TimeSpan.FromSeconds(30));
        foreach (var (_, probe) in sites)
        {
            probe.ExpectMsg<FitInstruction>();
        }

        return sites;
    }

    private static void AnswerEvaluation(IReadOnlyList<(SiteId Site, TestProbe Probe)> sites) => RoundFixture.AnswerEvaluation(sites);
}
