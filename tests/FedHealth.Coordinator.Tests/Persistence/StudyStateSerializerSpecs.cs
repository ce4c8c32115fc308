using System.Collections.Immutable;
using System.Runtime.Serialization;
using Akka.Actor;
using FedHealth.Coordinator.Aggregation;
using FedHealth.Coordinator.Persistence;
using FedHealth.Coordinator.Privacy;
using FedHealth.Coordinator.Senders;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Metrics;
using FedHealth.Core.Strategy;

namespace FedHealth.Coordinator.Tests.Persistence;

public sealed class StudyStateSerializerSpecs : IDisposable
{
    private readonly ActorSystem _system = ActorSystem.Create("serializer");

    private StudyStateSerializer Serializer => new((ExtendedActorSystem)_system);

    [Fact]
    public void A_committed_round_with_its_evaluation_failures_and_an_aborted_loss_survives_the_journal()
    {
        var evaluation = new AggregateEvaluateOutcome(0.4, 0.8, 0.9, 0.75, ScoreHistogram.Empty(4), [new EvaluateResult(Models.Site("a"), Models.Evaluation(5, 0.8))]);
        var record = StudyStateSpecs.Record(2) with
        {
            TrainLoss = double.NaN,
            Evaluation = evaluation,
            Failures = [new SiteFailure(Models.Site("b"), "Fit", "node terminated")],
            Privacy = new PrivacySpent(1.5, null, 1e-5),
            RefusedMessages = [new RefusedMessage(Models.Site("c"), "akka://x", "FitReply", 2)],
        };
        var committed = new RoundCommitted(record, new ServerOptimizerState(3, [0.5f, 1f], ImmutableArray<float>.Empty));

        var back = (RoundCommitted)RoundTrip(committed);

        Assert.True(double.IsNaN(back.Record.TrainLoss));
        Assert.Equal(record.SitesSucceeded, back.Record.SitesSucceeded);
        Assert.Equal(record.Failures, back.Record.Failures);
        Assert.Equal(record.Privacy, back.Record.Privacy);
        Assert.Equal(record.ModelHash, back.Record.ModelHash);
        Assert.Equal(0.9, back.Record.Evaluation!.Auc);
        Assert.Equal(Models.Site("a"), back.Record.Evaluation.PerSite[0].Site);
        Assert.Equal([0.5f, 1f], back.ServerState!.FirstMoment.ToArray());
        Assert.Equal(3, back.ServerState.Step);
    }

    [Fact]
    public void A_charge_with_its_distributed_noise_survives_the_journal()
    {
        var charged = new RoundCharged(4, 12, [Models.Site("a"), Models.Site("b")], new DistributedNoiseUsed(1, 2, 3, 2, 16, 1, 0.9));

        var back = (RoundCharged)RoundTrip(charged);

        Assert.Equal(charged.Noise, back.Noise);
        Assert.Equal(charged.Contributors, back.Contributors);
        Assert.Equal(12, back.LedgerRound);
    }

    [Fact]
    public void An_event_this_version_does_not_know_is_refused_naming_it()
    {
        var error = Assert.Throws<SerializationException>(() => Serializer.FromBinary("{}"u8.ToArray(), "round-committed.v9"));

        Assert.Contains("round-committed.v9", error.Message, StringComparison.Ordinal);
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }

    private object RoundTrip(object value)
    {
        var serializer = Serializer;
        return serializer.FromBinary(serializer.ToBinary(value), serializer.Manifest(value));
    }

    public void Dispose() => _system.Dispose();
}
