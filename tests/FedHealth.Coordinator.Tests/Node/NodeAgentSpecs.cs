using Akka.Actor;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Protocol;
using FedHealth.Node.Agent;
using Xunit.Abstractions;

namespace FedHealth.Coordinator.Tests.Node;

public sealed class NodeAgentSpecs(ITestOutputHelper output) : ProductionWiredTestKit(output)
{
    [Fact]
    public void A_node_registers_until_acknowledged()
    {
        var registry = CreateTestProbe();
        var node = Sys.ActorOf(NodeAgentActor.Props(ArithmeticTrainer.Site("h1", 12), new ArithmeticTrainer(), Sys.ActorSelection(registry.Ref.Path)));

        Assert.Equal("h1", registry.ExpectMsg<RegisterSite>().Site.Value);
        Assert.Equal("h1", registry.ExpectMsg<RegisterSite>(TimeSpan.FromSeconds(3)).Site.Value);
        registry.Reply(new SiteRegistered(new("h1")));
        registry.ExpectNoMsg(TimeSpan.FromMilliseconds(1500));
        Assert.NotNull(node);
    }

    [Fact]
    public void A_node_answers_a_fit_with_its_update_and_example_count_echoing_the_ids()
    {
        var node = Sys.ActorOf(NodeAgentActor.Props(ArithmeticTrainer.Site("h1", 12), new ArithmeticTrainer(), Sys.ActorSelection(CreateTestProbe().Ref.Path)));

        node.Tell(new FitInstruction(new("s1"), 7, Models.Spec, Models.Weights(1, 1, 1), Models.Config));

        var reply = ExpectMsg<FitReply>();
        Assert.Equal(("s1", 7, "h1"), (reply.Study.Value, reply.Round, reply.Site.Value));
        Assert.Equal(12, reply.NumExamples);
        Assert.Equal([2f, 2f, 2f], reply.Weights.Flat.ToArray());
    }

    [Fact]
    public void A_node_answers_an_evaluation_with_metrics_only()
    {
        var node = Sys.ActorOf(NodeAgentActor.Props(ArithmeticTrainer.Site("h1", 12), new ArithmeticTrainer(), Sys.ActorSelection(CreateTestProbe().Ref.Path)));

        node.Tell(new EvaluateInstruction(new("s1"), 2, Models.Spec, Models.Weights(1, 1, 1)));

        var reply = ExpectMsg<EvaluateReply>();
        Assert.Equal(4, reply.Outcome.NumExamples);
        Assert.Equal(2, reply.Round);
    }

    [Fact]
    public void A_training_error_becomes_a_stage_failure_that_does_not_leak_the_error_text()
    {
        var node = Sys.ActorOf(NodeAgentActor.Props(ArithmeticTrainer.Site("h1", 12), new ArithmeticTrainer("patient 4711 has chol 999"), Sys.ActorSelection(CreateTestProbe().Ref.Path)));

        node.Tell(new FitInstruction(new("s1"), 3, Models.Spec, Models.Weights(1, 1, 1), Models.Config));

        var failure = ExpectMsg<StageFailed>();
        Assert.Equal(ProtocolStage.Fit, failure.Stage);
        Assert.Equal(3, failure.Round);
        Assert.DoesNotContain("4711", failure.Reason, StringComparison.Ordinal);
    }
}
