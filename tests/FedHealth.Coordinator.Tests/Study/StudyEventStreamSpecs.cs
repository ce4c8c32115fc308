using Akka.Actor;
using FedHealth.Coordinator.Registry;
using FedHealth.Coordinator.Strategies;
using FedHealth.Coordinator.Study;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Options;
using FedHealth.Core.Protocol;
using FedHealth.Node.Agent;
using FedHealth.Node.Agent.Replies;
using Xunit.Abstractions;

namespace FedHealth.Coordinator.Tests.Study;

/// <summary>
/// What a running study and its nodes publish on the EventStream for observers such as the web
/// consoles (docs/console.md): the study opens, each round starts and is committed, the study
/// ends; every protocol message a node sends is announced with its site.
/// </summary>
public sealed class StudyEventStreamSpecs(ITestOutputHelper output) : ProductionWiredTestKit(output)
{
    [Fact]
    public void A_study_publishes_its_opening_every_round_start_and_commit_and_its_end()
    {
        var events = CreateTestProbe();
        foreach (var type in new[] { typeof(StudyOpened), typeof(RoundStarted), typeof(RoundCommitted), typeof(StudyFinished) })
        {
            Sys.EventStream.Subscribe(events.Ref, type);
        }

        Start(rounds: 2, budget: 5.0);

        var opened = events.ExpectMsg<StudyOpened>(TimeSpan.FromSeconds(10));
        Assert.Equal((2, 2, (double?)5.0), (opened.Rounds, opened.MinAvailableSites, opened.EpsilonBudget));
        for (var round = 1; round <= 2; round++)
        {
            var started = events.ExpectMsg<RoundStarted>(TimeSpan.FromSeconds(10));
            Assert.Equal((round, 2), (started.Round, started.ConnectedSites.Count));
            var committed = events.ExpectMsg<RoundCommitted>(TimeSpan.FromSeconds(10));
            Assert.Equal((round, true, 2), (committed.Record.Round, committed.Record.ModelUpdated, committed.Record.SitesSucceeded.Count));
            Assert.Equal(opened.Study, committed.Study);
        }

        Assert.Equal(StudyStatus.Completed, events.ExpectMsg<StudyFinished>(TimeSpan.FromSeconds(10)).Result.Status);

        // The listener that started the study still gets everything, as before.
        ExpectMsg<RoundFinished>(TimeSpan.FromSeconds(10));
        ExpectMsg<RoundFinished>(TimeSpan.FromSeconds(10));
        Assert.Equal(StudyStatus.Completed, ExpectMsg<StudyFinished>(TimeSpan.FromSeconds(10)).Result.Status);
    }

    [Fact]
    public void A_node_announces_every_message_it_sends_with_its_site()
    {
        var sent = CreateTestProbe();
        Sys.EventStream.Subscribe(sent.Ref, typeof(SiteMessageSent));

        Start(rounds: 1, budget: null);

        var messages = Enumerable.Range(0, 4).Select(_ => sent.ExpectMsg<SiteMessageSent>(TimeSpan.FromSeconds(10))).ToList();
        Assert.Equal(["a", "b"], messages.Where(m => m.Message is FitReply).Select(m => m.Site.Value).Order());
        Assert.Equal(["a", "b"], messages.Where(m => m.Message is EvaluateReply).Select(m => m.Site.Value).Order());
        Assert.All(messages, m => Assert.Equal(1, m.Message.Round));
    }

    private void Start(int rounds, double? budget)
    {
        var registry = Sys.ActorOf(SiteRegistryActor.Props(), "registry");
        foreach (var id in new[] { "a", "b" })
        {
            Sys.ActorOf(NodeAgentActor.Props(ArithmeticTrainer.Site(id, 10), new ArithmeticTrainer(), Sys.ActorSelection(registry.Path)), $"node-{id}");
        }

        var options = new StudyOptions
        {
            Rounds = rounds,
            Model = Models.Spec,
            Fit = Models.Config,
            MinAvailableSites = 2,
            FitTimeout = TimeSpan.FromSeconds(5),
            EvaluateTimeout = TimeSpan.FromSeconds(5),
            Privacy = budget is null ? PrivacyOptions.Off : PrivacyOptions.Off with { MaxEpsilon = budget },
        };
        var study = Sys.ActorOf(StudyActor.Props(options, new FedAvg(new FedAvgOptions(options.Fit)), registry, Models.Weights(0, 0, 0)));
        study.Tell(StartStudy.Instance);
    }
}
