using Akka.TestKit;
using FedHealth.Coordinator.Rounds;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Ids;
using FedHealth.Core.Metrics;
using FedHealth.Core.Protocol;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;
using Xunit.Abstractions;

namespace FedHealth.Coordinator.Tests.Rounds;

public sealed class RoundActorSpecs(ITestOutputHelper output) : ProductionWiredTestKit(output)
{
    private static readonly StudyId Study = RoundFixture.Study;
    private static readonly ModelWeights Global = RoundFixture.Global;

    [Fact]
    public void Round_completes_when_every_sampled_site_replies()
    {
        var probes = StartRound(sites: 3, minFit: 3);

        foreach (var (site, probe) in probes)
        {
            var fit = probe.ExpectMsg<FitInstruction>();
            Assert.Equal(1, fit.Round);
            Assert.Equal(Global, fit.Weights);
            probe.Reply(new FitReply(Study, 1, site, Models.Weights(3, 3, 3), 10, 0.4, 5));
        }

        AnswerEvaluation(probes);
        var done = ExpectMsg<RoundCompleted>();

        Assert.True(done.Record.ModelUpdated);
        Assert.Equal(3, done.Record.SitesSucceeded.Count);
        Assert.Empty(done.Record.Failures);
        Assert.Equal([3f, 3f, 3f], done.Global.Flat.ToArray());
        Assert.NotNull(done.Record.Evaluation);
        Assert.Equal(3, done.Record.Evaluation!.PerSite.Count);
    }

    [Fact]
    public void A_node_that_terminates_is_a_failure_and_the_round_completes_when_the_minimum_is_met()
    {
        var probes = StartRound(sites: 3, minFit: 2);
        var dead = probes[2];

        foreach (var (_, probe) in probes)
        {
            probe.ExpectMsg<FitInstruction>();
        }

        Sys.Stop(dead.Probe.Ref);
        foreach (var (site, probe) in probes.Take(2))
        {
            probe.Reply(new FitReply(Study, 1, site, Models.Weights(1, 1, 1), 10, 0.4, 5));
        }

        AnswerEvaluation(probes.Take(2).ToList());
        var done = ExpectMsg<RoundCompleted>();

        Assert.True(done.Record.ModelUpdated);
        var failure = Assert.Single(done.Record.Failures);
        Assert.Equal(dead.Site, failure.Site);
        Assert.Equal("node terminated", failure.Reason);
        Assert.Equal(2, done.Record.Evaluation!.PerSite.Count);
    }

    [Fact]
    public void A_node_that_does_not_answer_in_time_is_a_failure()
    {
        var probes = StartRound(sites: 3, minFit: 2, fitTimeout: TimeSpan.FromMilliseconds(400));

        foreach (var (site, probe) in probes)
        {
            probe.ExpectMsg<FitInstruction>();
            if (site != probes[2].Site)
            {
                probe.Reply(new FitReply(Study, 1, site, Models.Weights(1, 1, 1), 10, 0.4, 5));
            }
        }

        AnswerEvaluation(probes, silent: probes[2].Site);
        var done = ExpectMsg<RoundCompleted>(TimeSpan.FromSeconds(5));

        Assert.Contains(done.Record.Failures, f => f.Site == probes[2].Site && f.Stage == "Fit" && f.Reason.StartsWith("timed out", StringComparison.Ordinal));
        Assert.True(done.Record.ModelUpdated);
    }

    [Fact]
    public void The_round_fails_cleanly_and_keeps_the_model_when_too_few_sites_succeed()
    {
        var probes = StartRound(sites: 3, minFit: 3);

        foreach (var (_, probe) in probes)
        {
            probe.ExpectMsg<FitInstruction>();
        }

        probes[0].Probe.Reply(new FitReply(Study, 1, probes[0].Site, Models.Weights(5, 5, 5), 10, 0.4, 5));
        probes[1].Probe.Reply(new StageFailed(Study, 1, ProtocolStage.Fit, probes[1].Site, "Fit failed on the site (IOException)"));
        Sys.Stop(probes[2].Probe.Ref);
        var done = ExpectMsg<RoundCompleted>();

        Assert.False(done.Record.ModelUpdated);
        Assert.Contains("only 1 of 3 sites", done.Record.AbortReason, StringComparison.Ordinal);
        Assert.Same(Global, done.Global);
        Assert.Equal(2, done.Record.Failures.Count);
        foreach (var (_, probe) in probes.Take(2))
        {
            probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        }
    }

    [Fact]
    public void An_update_with_the_wrong_layout_is_a_failure_not_an_aggregate()
    {
        var probes = StartRound(sites: 2, minFit: 1);

        foreach (var (_, probe) in probes)
        {
            probe.ExpectMsg<FitInstruction>();
        }

        probes[0].Probe.Reply(new FitReply(Study, 1, probes[0].Site, Models.Weights(9, 9), 10, 0.4, 5));
        probes[1].Probe.Reply(new FitReply(Study, 1, probes[1].Site, Models.Weights(2, 2, 2), 10, 0.4, 5));
        AnswerEvaluation(probes);
        var done = ExpectMsg<RoundCompleted>();

        Assert.Equal([2f, 2f, 2f], done.Global.Flat.ToArray());
        Assert.Contains(done.Record.Failures, f => f.Site == probes[0].Site && f.Reason.Contains("layout", StringComparison.Ordinal));
    }

    [Fact]
    public void Replies_from_another_round_or_study_are_ignored()
    {
        var probes = StartRound(sites: 1, minFit: 1);
        var (site, probe) = probes[0];
        probe.ExpectMsg<FitInstruction>();

        probe.Reply(new FitReply(Study, 2, site, Models.Weights(9, 9, 9), 10, 0.4, 5));
        probe.Reply(new FitReply(new StudyId("other"), 1, site, Models.Weights(9, 9, 9), 10, 0.4, 5));
        probe.Reply(new FitReply(Study, 1, site, Models.Weights(1, 1, 1), 10, 0.4, 5));
        AnswerEvaluation(probes);
        var done = ExpectMsg<RoundCompleted>();

        Assert.Equal([1f, 1f, 1f], done.Global.Flat.ToArray());
    }

    [Fact]
    public void An_evaluation_with_a_malformed_histogram_is_refused_and_the_round_completes_with_the_other_sites()
    {
        var probes = StartRound(sites: 2, minFit: 2);
        foreach (var (site, probe) in probes)
        {
            probe.ExpectMsg<FitInstruction>();
            probe.Reply(new FitReply(Study, 1, site, Models.Weights(1, 1, 1), 10, 0.4, 5));
        }

        foreach (var (_, probe) in probes)
        {
            probe.ExpectMsg<EvaluateInstruction>();
        }

        var malformed = new EvaluationOutcome(5, 0.3, 0.8, 0.9, new ScoreHistogram(new long[3], new long[3]));
        probes[0].Probe.Reply(new EvaluateReply(Study, 1, probes[0].Site, malformed));
        probes[1].Probe.Reply(new EvaluateReply(Study, 1, probes[1].Site, Models.Evaluation(5, 0.8)));
        var done = ExpectMsg<RoundCompleted>();

        Assert.True(done.Record.ModelUpdated);
        // The wire contract refuses it before the round sees it (the round checks again, for messages that never cross the wire).
        Assert.Contains(done.Record.Failures, f => f.Site == probes[0].Site && f.Stage == "Evaluate");
        Assert.Equal(probes[1].Site, Assert.Single(done.Record.Evaluation!.PerSite).Site);
    }

    private List<(SiteId Site, TestProbe Probe)> StartRound(int sites, int minFit, TimeSpan? fitTimeout = null) =>
        RoundFixture.Start(this, sites, minFit, fitTimeout);

    private static void AnswerEvaluation(IReadOnlyList<(SiteId Site, TestProbe Probe)> probes, SiteId? silent = null) =>
        RoundFixture.AnswerEvaluation(probes, silent);
}
