using Akka.Actor;
using FedHealth.Coordinator.Registry;
using FedHealth.Coordinator.Statistics;
using FedHealth.Coordinator.Rounds;
using FedHealth.Coordinator.Strategies;
using FedHealth.Coordinator.Study;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Data;
using FedHealth.Core.Ids;
using FedHealth.Core.Options;
using FedHealth.Core.Protocol;
using FedHealth.Crypto.Signatures;
using FedHealth.Node.Agent;
using FedHealth.Node.SecureAggregation;
using Xunit.Abstractions;

namespace FedHealth.Coordinator.Tests.Statistics;

public sealed class FederatedStatisticsSpecs(ITestOutputHelper output) : ProductionWiredTestKit(output)
{
    [Fact]
    public void Before_round_one_every_site_prepares_its_rows_from_the_secure_sum_of_all_sites_statistics()
    {
        string[] ids = ["a", "b", "c", "d"];
        var sites = ids.Select((id, i) => new RecordingPreprocessing(id, [(ulong)(i + 1), 10UL * (ulong)(i + 1), ulong.MaxValue - (ulong)i])).ToList();
        using var keys = SiteKeys(ids);
        var registry = Sys.ActorOf(SiteRegistryActor.Props(pooledStatistics: true));
        foreach (var site in sites)
        {
            Sys.ActorOf(NodeAgentActor.Props(site, new ArithmeticTrainer(), Sys.ActorSelection(registry.Path), Identity(keys, site.Site)));
        }

        var options = Options(ids.Length, vectorLength: 3);
        var study = Sys.ActorOf(StudyActor.Props(options, new FedAvg(new FedAvgOptions(options.Fit)), registry, Models.Weights(0, 0, 0), null,
            SecureRoundSettings.For(options, Enrolled(keys))));
        study.Tell(StartStudy.Instance);

        var round = ExpectMsg<RoundFinished>(TimeSpan.FromSeconds(30)).Record;
        var result = ExpectMsg<StudyFinished>(TimeSpan.FromSeconds(5)).Result;

        // 1+2+3+4, 10+20+30+40, and (−1)+(−2)+(−3)+(−4) in two's complement mod 2^64.
        ulong[] expected = [10, 100, unchecked((ulong)-10L)];
        Assert.All(sites, s => Assert.Equal(expected, s.Received));
        Assert.True(round.ModelUpdated, round.AbortReason);
        var statistics = Assert.IsType<StatisticsSummary>(result.Statistics);
        Assert.Equal(4, statistics.Contributors);
        Assert.Equal(ids, statistics.Prepared.Select(s => s.Value));
        Assert.Equal(1, statistics.Attempts);
    }

    [Fact]
    public void A_site_whose_columns_differ_is_left_out_of_the_sum_with_the_reason_and_the_others_pool_without_it()
    {
        string[] ids = ["a", "b", "c", "d", "e", "f", "g"];
        var sites = ids.Select(id => new RecordingPreprocessing(id, id == "c" ? [1, 1] : [1, 1, 1])).ToList();
        using var keys = SiteKeys(ids);
        var registry = Sys.ActorOf(SiteRegistryActor.Props(pooledStatistics: true));
        foreach (var site in sites)
        {
            Sys.ActorOf(NodeAgentActor.Props(site, new ArithmeticTrainer(), Sys.ActorSelection(registry.Path), Identity(keys, site.Site)));
        }

        var options = Options(ids.Length, vectorLength: 3) with { Rounds = 1, MinFitSites = 3 };
        var study = Sys.ActorOf(StudyActor.Props(options, new FedAvg(new FedAvgOptions(options.Fit)), registry, Models.Weights(0, 0, 0), null,
            SecureRoundSettings.For(options, Enrolled(keys))));
        study.Tell(StartStudy.Instance);

        ExpectMsg<RoundFinished>(TimeSpan.FromSeconds(30));
        var statistics = ExpectMsg<StudyFinished>(TimeSpan.FromSeconds(5)).Result.Statistics!;

        Assert.Equal(6, statistics.Contributors);
        var failure = Assert.Single(statistics.Failures, f => f.Site.Value == "c");
        Assert.Contains("columns differ", failure.Reason, StringComparison.Ordinal);
        Assert.Equal([6UL, 6UL, 6UL], sites[0].Received!);
    }

    [Fact]
    public void A_site_waiting_for_pooled_statistics_refuses_to_train_rather_than_train_on_unprepared_rows()
    {
        using var keys = SiteKeys(["a"]);
        var site = new RecordingPreprocessing("a", [1]);
        var node = Sys.ActorOf(NodeAgentActor.Props(site, new ArithmeticTrainer(), Sys.ActorSelection("/user/nowhere"), Identity(keys, site.Site)));

        node.Tell(new FitInstruction(new StudyId("s"), 1, Models.Spec, Models.Weights(0, 0, 0), Models.Config));

        var refusal = ExpectMsg<StageFailed>(TimeSpan.FromSeconds(5));
        Assert.Equal(ProtocolStage.Fit, refusal.Stage);
        Assert.Contains("pooled feature statistics", refusal.Reason, StringComparison.Ordinal);
    }

    private static StudyOptions Options(int sites, int vectorLength) => new()
    {
        Rounds = 1,
        Model = Models.Spec,
        Fit = Models.Config,
        MinFitSites = 3,
        MinAvailableSites = sites,
        FitTimeout = TimeSpan.FromSeconds(5),
        EvaluateTimeout = TimeSpan.FromSeconds(5),
        SecureAggregation = new SecureAggregationOptions { Enabled = true, ClipRange = 4, MaxWeight = 1000, StageTimeout = TimeSpan.FromSeconds(2) },
        FederatedStatistics = new FederatedStatisticsOptions { VectorLength = vectorLength },
    };

    private static KeySet SiteKeys(IEnumerable<string> ids) => new(ids.ToDictionary(id => new SiteId(id), _ => Ed25519SigningKey.Generate()));

    private static IReadOnlyDictionary<SiteId, byte[]> Enrolled(KeySet keys) => keys.Keys.ToDictionary(kv => kv.Key, kv => kv.Value.PublicKey.ToArray());

    private static SecureAggregationIdentity Identity(KeySet keys, SiteId site) => new(keys.Keys[site], Enrolled(keys));

    private sealed record KeySet(Dictionary<SiteId, Ed25519SigningKey> Keys) : IDisposable
    {
        public void Dispose()
        {
            foreach (var key in Keys.Values)
            {
                key.Dispose();
            }
        }
    }

    /// <summary>A site whose "statistics" are a fixed vector and which records the pooled sum it was given.</summary>
    private sealed class RecordingPreprocessing(string id, ulong[] contribution) : IPooledPreprocessing
    {
        public SiteId Site { get; } = new(id);

        public int StatisticsLength => contribution.Length;

        public ulong[]? Received { get; private set; }

        public ulong[] EncodeStatistics(int modulusBits) => (ulong[])contribution.Clone();

        public SiteData Prepare(ReadOnlySpan<ulong> pooledSum, int modulusBits)
        {
            Received = pooledSum.ToArray();
            return ArithmeticTrainer.Site(id, 10);
        }

        public SiteData PrepareWithOwnStatistics() => throw new InvalidOperationException("This study pools its statistics.");
    }
}
