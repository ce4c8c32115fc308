using System.Collections.Immutable;
using FedHealth.Coordinator.Rounds;
using FedHealth.Coordinator.Strategies;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Protocol;
using FedHealth.Core.Strategy;
using Xunit.Abstractions;

namespace FedHealth.Coordinator.Tests.Persistence;

/// <summary>The privacy cost of a round is on record before anything of the round is released.</summary>
public sealed class WriteAheadChargeSpecs(ITestOutputHelper output) : ProductionWiredTestKit(output)
{
    [Fact]
    public void A_plain_round_asks_for_its_charge_and_releases_nothing_until_it_is_recorded()
    {
        var probes = Enumerable.Range(0, 3).Select(i => (Site: Models.Site($"site-{i}"), Probe: CreateTestProbe())).ToList();
        var sites = probes.ToImmutableSortedDictionary(p => p.Site, p => p.Probe.Ref);
        var plan = new RoundPlan(
            new RoundContext(RoundFixture.Study, 1, 42, [.. sites.Keys]), Models.Spec, RoundFixture.Global,
            new FedAvg(new FedAvgOptions(Models.Config, MinFitSites: 3)), sites, 3, 1, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5))
        {
            ChargeBeforeRelease = true,
        };
        ChildActorOf(RoundActor.Props(plan));
        foreach (var (site, probe) in probes)
        {
            probe.ExpectMsg<FitInstruction>();
            probe.Reply(new FitReply(RoundFixture.Study, 1, site, Models.Weights(3, 3, 3), 10, 0.4, 5));
        }

        var charge = ExpectMsg<ChargeRound>();

        Assert.Equal(1, charge.Round);
        Assert.Equal(probes.Select(p => p.Site).Order(), charge.Contributors.Order());
        // Not charged yet: no site receives the aggregate (the evaluation instruction carries it), and the round does not end.
        foreach (var (_, probe) in probes)
        {
            probe.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        }

        LastSender.Tell(new RoundChargeRecorded(1), TestActor);

        foreach (var (site, probe) in probes)
        {
            var evaluate = probe.ExpectMsg<EvaluateInstruction>();
            Assert.Equal([3f, 3f, 3f], evaluate.Weights!.Flat.ToArray());
            probe.Reply(new EvaluateReply(RoundFixture.Study, 1, site, Models.Evaluation(5, 0.8)));
        }

        Assert.True(ExpectMsg<RoundCompleted>().Record.ModelUpdated);
    }

    [Fact]
    public void A_round_of_a_study_without_privacy_accounting_does_not_wait_for_a_charge()
    {
        var probes = Enumerable.Range(0, 2).Select(i => (Site: Models.Site($"site-{i}"), Probe: CreateTestProbe())).ToList();
        var sites = probes.ToImmutableSortedDictionary(p => p.Site, p => p.Probe.Ref);
        var plan = new RoundPlan(
            new RoundContext(RoundFixture.Study, 1, 42, [.. sites.Keys]), Models.Spec, RoundFixture.Global,
            new FedAvg(new FedAvgOptions(Models.Config, MinFitSites: 2)), sites, 2, 1, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5));
        ChildActorOf(RoundActor.Props(plan));
        foreach (var (site, probe) in probes)
        {
            probe.ExpectMsg<FitInstruction>();
            probe.Reply(new FitReply(RoundFixture.Study, 1, site, Models.Weights(1, 1, 1), 10, 0.4, 5));
        }

        foreach (var (site, probe) in probes)
        {
            probe.ExpectMsg<EvaluateInstruction>();
            probe.Reply(new EvaluateReply(RoundFixture.Study, 1, site, Models.Evaluation(5, 0.8)));
        }

        Assert.True(ExpectMsg<RoundCompleted>().Record.ModelUpdated);
    }
}
