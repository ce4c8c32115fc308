using Akka.Actor;
using FedHealth.Coordinator.Registry;
using FedHealth.Coordinator.Strategies;
using FedHealth.Coordinator.Study;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Options;
using FedHealth.Node.Agent;
using Xunit.Abstractions;

namespace FedHealth.Coordinator.Tests.Study;

public sealed class StudyActorSpecs(ITestOutputHelper output) : ProductionWiredTestKit(output)
{
    [Fact]
    public void A_study_runs_every_round_with_the_registered_nodes_and_reports_each()
    {
        var registry = Sys.ActorOf(SiteRegistryActor.Props(), "registry");
        foreach (var (id, rows) in new[] { ("a", 10), ("b", 30), ("c", 20) })
        {
            Sys.ActorOf(NodeAgentActor.Props(ArithmeticTrainer.Site(id, rows), new ArithmeticTrainer(), Sys.ActorSelection(registry.Path)), $"node-{id}");
        }

        var options = Options(rounds: 3, minAvailable: 3);
        var study = Sys.ActorOf(StudyActor.Props(options, new FedAvg(new FedAvgOptions(options.Fit)), registry, Models.Weights(0, 0, 0)));
        study.Tell(StartStudy.Instance);

        for (var round = 1; round <= 3; round++)
        {
            var finished = ExpectMsg<RoundFinished>(TimeSpan.FromSeconds(10));
            Assert.Equal(round, finished.Record.Round);
            Assert.Equal(3, finished.Record.SitesSucceeded.Count);
        }

        var result = ExpectMsg<StudyFinished>().Result;
        Assert.Equal(StudyStatus.Completed, result.Status);
        Assert.Equal([3f, 3f, 3f], result.FinalWeights.Flat.ToArray());
        Assert.Equal(3, result.FinalEvaluation!.PerSite.Count);
    }

    [Fact]
    public void A_study_fails_cleanly_when_too_few_sites_register_in_time()
    {
        var registry = Sys.ActorOf(SiteRegistryActor.Props());
        Sys.ActorOf(NodeAgentActor.Props(ArithmeticTrainer.Site("a", 10), new ArithmeticTrainer(), Sys.ActorSelection(registry.Path)));
        var options = Options(rounds: 2, minAvailable: 2) with { RegistrationTimeout = TimeSpan.FromMilliseconds(600) };
        var study = Sys.ActorOf(StudyActor.Props(options, new FedAvg(new FedAvgOptions(options.Fit)), registry, Models.Weights(0, 0, 0)));

        study.Tell(StartStudy.Instance);

        var result = ExpectMsg<StudyFinished>(TimeSpan.FromSeconds(5)).Result;
        Assert.Equal(StudyStatus.Failed, result.Status);
        Assert.Contains("fewer than 2 sites registered", result.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Rounds);
    }

    [Fact]
    public void A_study_with_invalid_options_fails_with_the_reason_and_runs_nothing()
    {
        var registry = Sys.ActorOf(SiteRegistryActor.Props());
        var options = Options(rounds: 0, minAvailable: 1);
        var study = Sys.ActorOf(StudyActor.Props(options, new FedAvg(new FedAvgOptions(options.Fit)), registry, Models.Weights(0, 0, 0)));

        study.Tell(StartStudy.Instance);

        var result = ExpectMsg<StudyFinished>().Result;
        Assert.Equal(StudyStatus.Failed, result.Status);
        Assert.Contains("rounds must be at least 1", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_study_whose_rounds_abort_again_and_again_ends_aborted_and_says_why()
    {
        var registry = Sys.ActorOf(SiteRegistryActor.Props());
        Sys.ActorOf(NodeAgentActor.Props(ArithmeticTrainer.Site("a", 10), new ArithmeticTrainer("disk full"), Sys.ActorSelection(registry.Path)));
        Sys.ActorOf(NodeAgentActor.Props(ArithmeticTrainer.Site("b", 10), new ArithmeticTrainer("disk full"), Sys.ActorSelection(registry.Path)));
        var options = Options(rounds: 10, minAvailable: 2) with { MaxConsecutiveAbortedRounds = 3 };
        var study = Sys.ActorOf(StudyActor.Props(options, new FedAvg(new FedAvgOptions(options.Fit)), registry, Models.Weights(0, 0, 0)));

        study.Tell(StartStudy.Instance);

        for (var round = 1; round <= 3; round++)
        {
            Assert.False(ExpectMsg<RoundFinished>(TimeSpan.FromSeconds(10)).Record.ModelUpdated);
        }

        var result = ExpectMsg<StudyFinished>(TimeSpan.FromSeconds(5)).Result;
        Assert.Equal(StudyStatus.Aborted, result.Status);
        Assert.Equal(3, result.Rounds.Count);
        Assert.Contains("3 rounds in a row released nothing", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rounds_continue_after_a_site_fails_and_the_failure_is_recorded()
    {
        var registry = Sys.ActorOf(SiteRegistryActor.Props());
        Sys.ActorOf(NodeAgentActor.Props(ArithmeticTrainer.Site("good", 10), new ArithmeticTrainer(), Sys.ActorSelection(registry.Path)));
        Sys.ActorOf(NodeAgentActor.Props(ArithmeticTrainer.Site("bad", 10), new ArithmeticTrainer("disk full"), Sys.ActorSelection(registry.Path)));
        var options = Options(rounds: 2, minAvailable: 2);
        var study = Sys.ActorOf(StudyActor.Props(options, new FedAvg(new FedAvgOptions(options.Fit)), registry, Models.Weights(0, 0, 0)));

        study.Tell(StartStudy.Instance);

        var first = ExpectMsg<RoundFinished>(TimeSpan.FromSeconds(10)).Record;
        Assert.True(first.ModelUpdated);
        Assert.Equal("bad", Assert.Single(first.Failures).Site.Value);
        ExpectMsg<RoundFinished>(TimeSpan.FromSeconds(10));
        Assert.Equal(StudyStatus.Completed, ExpectMsg<StudyFinished>().Result.Status);
    }

    private static StudyOptions Options(int rounds, int minAvailable) => new()
    {
        Rounds = rounds,
        Model = Models.Spec,
        Fit = Models.Config,
        MinFitSites = 1,
        MinAvailableSites = minAvailable,
        FitTimeout = TimeSpan.FromSeconds(5),
        EvaluateTimeout = TimeSpan.FromSeconds(5),
    };
}
