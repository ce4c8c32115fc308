using Akka.Actor;
using FedHealth.Coordinator.Privacy;
using FedHealth.Coordinator.Registry;
using FedHealth.Coordinator.Rounds;
using FedHealth.Coordinator.Strategies;
using FedHealth.Coordinator.Study;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Ids;
using FedHealth.Core.Options;
using FedHealth.Core.Protocol;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Core.Training;
using FedHealth.Crypto.Signatures;
using FedHealth.Node.Agent;
using FedHealth.Node.SecureAggregation;
using FedHealth.SecureAggregation.Parameters;
using FedHealth.SecureAggregation.Quantization;
using FedHealth.Privacy.Sampling;
using FedHealth.SecureAggregation.Server;
using Xunit.Abstractions;

namespace FedHealth.Coordinator.Tests.SecureAggregation;

public sealed class SecureRoundSpecs(ITestOutputHelper output) : ProductionWiredTestKit(output)
{
    private static readonly string[] Ids = ["a", "b", "c", "d"];
    private static readonly int[] Rows = [10, 30, 20, 40];

    [Fact]
    public void A_secure_study_produces_the_example_weighted_mean_without_seeing_any_single_update()
    {
        using var keys = new Keys(Ids);
        var registry = Sys.ActorOf(SiteRegistryActor.Props());
        for (var i = 0; i < Ids.Length; i++)
        {
            Sys.ActorOf(NodeAgentActor.Props(ArithmeticTrainer.Site(Ids[i], Rows[i]), new ArithmeticTrainer(), Sys.ActorSelection(registry.Path), keys.Identity(Ids[i])));
        }

        var options = StudyOptions(rounds: 2);
        var study = Sys.ActorOf(StudyActor.Props(options, new FedAvg(new FedAvgOptions(options.Fit)), registry, Models.Weights(0, 0, 0), null,
            new SecureRoundSettings(options.SecureAggregation, keys.Enrolled, UnitWeights: false)));
        study.Tell(StartStudy.Instance);

        var first = ExpectMsg<RoundFinished>(TimeSpan.FromSeconds(20)).Record;
        ExpectMsg<RoundFinished>(TimeSpan.FromSeconds(20));
        var result = ExpectMsg<StudyFinished>(TimeSpan.FromSeconds(5)).Result;

        Assert.True(first.SecureAggregation);
        Assert.Equal(4, first.SitesSucceeded.Count);
        Assert.Empty(first.Dropouts);
        // Every site adds exactly 1 per round (ArithmeticTrainer), so the weighted mean update is 1.
        foreach (var value in result.FinalWeights.Flat)
        {
            Assert.Equal(2f, value, 3);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_site_that_vanishes_is_a_dropout_with_its_stage_and_the_round_completes_with_the_others(long seed)
    {
        string[] ids = ["a", "b", "c", "d", "e", "f", "g"];
        using var keys = new Keys(ids);
        var registry = Sys.ActorOf(SiteRegistryActor.Props());
        foreach (var id in ids)
        {
            var vanish = id == "d" ? new SimulatedDropout(1.0, seed) : SimulatedDropout.None;
            Sys.ActorOf(NodeAgentActor.Props(ArithmeticTrainer.Site(id, 10), new ArithmeticTrainer(), Sys.ActorSelection(registry.Path), keys.Identity(id), vanish));
        }

        var options = StudyOptions(rounds: 1) with { MinFitSites = 3, MinAvailableSites = ids.Length };
        var study = Sys.ActorOf(StudyActor.Props(options, new FedAvg(new FedAvgOptions(options.Fit)), registry, Models.Weights(0, 0, 0), null,
            new SecureRoundSettings(options.SecureAggregation, keys.Enrolled, UnitWeights: false)));
        study.Tell(StartStudy.Instance);

        var record = ExpectMsg<RoundFinished>(TimeSpan.FromSeconds(30)).Record;

        var dropout = Assert.Single(record.Dropouts);
        Assert.Equal("d", dropout.Site.Value);
        Assert.True(record.ModelUpdated, record.AbortReason);
        Assert.True(record.SitesSucceeded.Count >= 6);
        var final = ExpectMsg<StudyFinished>(TimeSpan.FromSeconds(10)).Result.FinalWeights;
        Assert.All(final.Flat.ToArray(), v => Assert.Equal(1f, v, 3));
    }

    [Fact]
    public void A_round_with_too_few_survivors_aborts_cleanly_and_keeps_the_model()
    {
        using var keys = new Keys(Ids);
        var registry = Sys.ActorOf(SiteRegistryActor.Props());
        foreach (var id in Ids)
        {
            var vanish = id is "c" or "d" ? new SimulatedDropout(1.0, 3) : SimulatedDropout.None;
            Sys.ActorOf(NodeAgentActor.Props(ArithmeticTrainer.Site(id, 10), new ArithmeticTrainer(), Sys.ActorSelection(registry.Path), keys.Identity(id), vanish));
        }

        var options = StudyOptions(rounds: 1) with { MinFitSites = 2 };
        var study = Sys.ActorOf(StudyActor.Props(options, new FedAvg(new FedAvgOptions(options.Fit)), registry, Models.Weights(0, 0, 0), null,
            new SecureRoundSettings(options.SecureAggregation, keys.Enrolled, UnitWeights: false)));
        study.Tell(StartStudy.Instance);

        var record = ExpectMsg<RoundFinished>(TimeSpan.FromSeconds(30)).Record;
        var result = ExpectMsg<StudyFinished>(TimeSpan.FromSeconds(10)).Result;

        Assert.False(record.ModelUpdated);
        Assert.NotNull(record.AbortReason);
        Assert.Equal([0f, 0f, 0f], result.FinalWeights.Flat.ToArray());
    }

    [Fact]
    public void A_node_in_a_secure_round_sends_the_coordinator_only_protocol_messages_never_its_update_or_example_count()
    {
        using var keys = new Keys(Ids);
        var nodes = Ids.Select((id, i) => Sys.ActorOf(NodeAgentActor.Props(
            ArithmeticTrainer.Site(id, Rows[i]), new ArithmeticTrainer(), Sys.ActorSelection(CreateTestProbe().Ref.Path), keys.Identity(id)))).ToList();
        var coordinator = CreateTestProbe();
        var sites = Ids.Select(id => new SiteId(id)).ToList();
        var quantization = SecAggQuantization.ForSites(sites.Count, 4, 1000);
        var spec = new SecureAggregationSpec(quantization.ClipRange, quantization.Scale, quantization.MaxWeight, quantization.ModulusBits, false);
        var server = new SecAggServer(new("s"), 1, sites, SecAggParameterChooser.Choose(sites.Count, 0.1, 0.1).ToParameters(), 4, keys.Enrolled);
        var seen = new List<object>();
        foreach (var node in nodes)
        {
            coordinator.Send(node, new FitInstruction(new("s"), 1, Models.Spec, Models.Weights(0, 0, 0), Models.Config, spec));
        }

        var step = server.Start();
        while (!step.IsFinished)
        {
            foreach (var outgoing in step.Outgoing)
            {
                coordinator.Send(nodes[sites.IndexOf(outgoing.To)], outgoing.Message);
            }

            while (!server.AllReplied)
            {
                var message = coordinator.ExpectMsg<object>(TimeSpan.FromSeconds(10));
                seen.Add(message);
                Assert.True(server.Receive((IRoundMessage)message).Accepted);
            }

            step = server.CloseStage();
        }

        var mean = WeightedUpdateCodec.Decode(step.Result!.Sum, quantization);
        Assert.Equal(100, mean.TotalWeight);
        Assert.All(mean.Mean, v => Assert.Equal(1f, v, 2));
        Assert.All(seen, m => Assert.StartsWith("SecAgg", m.GetType().Name, StringComparison.Ordinal));
        Assert.DoesNotContain(seen, m => m is FitReply);
        foreach (var type in seen.Select(m => m.GetType()).Distinct())
        {
            Assert.DoesNotContain(type.GetProperties(), p => p.PropertyType == typeof(Core.Weights.ModelWeights) || p.Name.Contains("Example", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void With_fewer_than_three_sites_a_secure_round_aborts_instead_of_revealing_their_updates()
    {
        using var keys = new Keys(["a", "b"]);
        var registry = Sys.ActorOf(SiteRegistryActor.Props());
        foreach (var id in new[] { "a", "b" })
        {
            Sys.ActorOf(NodeAgentActor.Props(ArithmeticTrainer.Site(id, 10), new ArithmeticTrainer(), Sys.ActorSelection(registry.Path), keys.Identity(id)));
        }

        var options = StudyOptions(rounds: 1) with { MinFitSites = 1, MinAvailableSites = 2 };
        var study = Sys.ActorOf(StudyActor.Props(options, new FedAvg(new FedAvgOptions(options.Fit)), registry, Models.Weights(0, 0, 0), null,
            new SecureRoundSettings(options.SecureAggregation, keys.Enrolled, UnitWeights: false)));
        study.Tell(StartStudy.Instance);

        var record = ExpectMsg<RoundFinished>(TimeSpan.FromSeconds(20)).Record;

        Assert.False(record.ModelUpdated);
        Assert.Contains("at least 3 sites", record.AbortReason, StringComparison.Ordinal);
        Assert.Empty(record.SitesSucceeded);
    }

    [Fact]
    public void Under_site_level_dp_the_sites_add_the_noise_and_the_round_records_the_noise_really_present()
    {
        using var keys = new Keys(Ids);
        var registry = Sys.ActorOf(SiteRegistryActor.Props());
        for (var i = 0; i < Ids.Length; i++)
        {
            Sys.ActorOf(NodeAgentActor.Props(ArithmeticTrainer.Site(Ids[i], Rows[i]), new ArithmeticTrainer(), Sys.ActorSelection(registry.Path), keys.Identity(Ids[i])));
        }

        var privacy = new PrivacyOptions { Mode = DpMode.Site, Delta = 1e-5, SiteClip = 1.0, SiteNoiseMultiplier = 1e-4 };
        var options = StudyOptions(rounds: 1) with { Privacy = privacy };
        var ledger = Path.Combine(Directory.CreateTempSubdirectory("fedhealth-ddp-").FullName, "ledger.json");
        var accountant = new StudyPrivacyAccountant(options.Study, privacy, localSteps: 1, ledger,
            new DistributedDpProjection(options.Model.ParameterCount, options.MinFitSites, options.SecureAggregation));
        var strategy = new DifferentialPrivacyStrategy(new FedAvg(new FedAvgOptions(options.Fit)), privacy, () => new OsRandomSource());
        var study = Sys.ActorOf(StudyActor.Props(options, strategy, registry, Models.Weights(0, 0, 0), accountant,
            SecureRoundSettings.For(options, keys.Enrolled)));
        study.Tell(StartStudy.Instance);

        var record = ExpectMsg<RoundFinished>(TimeSpan.FromSeconds(20)).Record;
        var result = ExpectMsg<StudyFinished>(TimeSpan.FromSeconds(5)).Result;

        Assert.True(record.ModelUpdated, record.AbortReason);
        var noise = Assert.IsType<DistributedNoiseUsed>(record.DistributedNoise);
        Assert.Equal(4, noise.Contributors);
        Assert.Equal(1e-4, noise.EffectiveNoiseMultiplier, 6);
        // Every site's update (1, 1, 1) is clipped to norm 1 before it is summed: the mean is 1/√3 per weight,
        // whatever the sites' sizes (under site-level DP every site counts the same).
        foreach (var value in result.FinalWeights.Flat)
        {
            Assert.Equal(1 / Math.Sqrt(3), value, 2);
        }

        Assert.Contains("distributed_discrete_gaussian", File.ReadAllText(ledger), StringComparison.Ordinal);
        Assert.True(record.Privacy!.EpsilonSite > 0);
    }

    [Fact]
    public void A_site_that_reports_failures_and_aborts_in_the_other_sites_names_is_refused_and_the_secure_round_completes_without_it()
    {
        string[] ids = ["a", "b", "c", "d", "e"];
        using var keys = new Keys(ids);
        var registry = Sys.ActorOf(SiteRegistryActor.Props());
        foreach (var id in ids[..4])
        {
            Sys.ActorOf(NodeAgentActor.Props(ArithmeticTrainer.Site(id, 10), new ArithmeticTrainer(), Sys.ActorSelection(registry.Path), keys.Identity(id)));
        }

        var attacker = CreateTestProbe();
        registry.Tell(new RegisterSite(new("e")), attacker.Ref);
        attacker.ExpectMsg<SiteRegistered>();
        var options = StudyOptions(rounds: 1) with { MinAvailableSites = ids.Length };
        var study = Sys.ActorOf(StudyActor.Props(options, new FedAvg(new FedAvgOptions(options.Fit)), registry, Models.Weights(0, 0, 0), null,
            new SecureRoundSettings(options.SecureAggregation, keys.Enrolled, UnitWeights: false)));
        study.Tell(StartStudy.Instance);

        var instruction = attacker.ExpectMsg<FitInstruction>(TimeSpan.FromSeconds(10));
        var round = attacker.LastSender;
        foreach (var honest in ids[..4])
        {
            round.Tell(new StageFailed(instruction.Study, instruction.Round, ProtocolStage.Fit, new(honest), "spoofed failure"), attacker.Ref);
            round.Tell(new SecAggSiteAborted(instruction.Study, instruction.Round, new(honest), SecAggStage.ShareKeys, "spoofed", "spoofed abort"), attacker.Ref);
        }

        var record = ExpectMsg<RoundFinished>(TimeSpan.FromSeconds(30)).Record;

        Assert.True(record.ModelUpdated, record.AbortReason);
        Assert.Equal(["a", "b", "c", "d"], record.SitesSucceeded.Select(s => s.Value));
        Assert.DoesNotContain(record.Failures, f => f.Site.Value != "e");
        Assert.Equal(8, record.RefusedMessages.Sum(r => r.Count));
        Assert.All(record.RefusedMessages, r => Assert.Equal("site e", r.RealSender));
    }

    private static StudyOptions StudyOptions(int rounds) => new()
    {
        Rounds = rounds,
        Model = Models.Spec,
        Fit = Models.Config,
        MinFitSites = 3,
        MinAvailableSites = 4,
        FitTimeout = TimeSpan.FromSeconds(5),
        EvaluateTimeout = TimeSpan.FromSeconds(5),
        SecureAggregation = new SecureAggregationOptions { Enabled = true, ClipRange = 4, MaxWeight = 1000, StageTimeout = TimeSpan.FromSeconds(2) },
    };

    private sealed class Keys : IDisposable
    {
        private readonly Dictionary<SiteId, Ed25519SigningKey> _keys;

        public Keys(IEnumerable<string> ids)
        {
            _keys = ids.ToDictionary(id => new SiteId(id), _ => Ed25519SigningKey.Generate());
            Enrolled = _keys.ToDictionary(kv => kv.Key, kv => kv.Value.PublicKey.ToArray());
        }

        public IReadOnlyDictionary<SiteId, byte[]> Enrolled { get; }

        public SecureAggregationIdentity Identity(string id) => new(_keys[new SiteId(id)], Enrolled);

        public void Dispose()
        {
            foreach (var key in _keys.Values)
            {
                key.Dispose();
            }
        }
    }
}
