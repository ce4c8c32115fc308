using System.Collections.Immutable;
using Akka.Actor;
using Akka.TestKit;
using FedHealth.Coordinator.Rounds;
using FedHealth.Coordinator.Strategies;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Strategy;
using FedHealth.Core.Weights;

namespace FedHealth.Coordinator.Tests.Support;

/// <summary>
/// A FedAvg round of study-1 over fresh probes, the round's parent being the spec's test actor.
/// Each stage of a round talks to the sites through a child, so a probe replies to whoever asked it.
/// </summary>
internal static class RoundFixture
{
    public static readonly StudyId Study = new("study-1");

    public static readonly ModelWeights Global = Models.Weights(0, 0, 0);

    public static List<(SiteId Site, TestProbe Probe)> Start(TestKitBase kit, int sites, int minFit, TimeSpan? fitTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(kit);
        var probes = Enumerable.Range(0, sites).Select(i => (Models.Site($"site-{i}"), kit.CreateTestProbe())).ToList();
        var refs = probes.ToImmutableSortedDictionary(p => p.Item1, p => p.Item2.Ref);
        var plan = new RoundPlan(
            new RoundContext(Study, 1, 42, refs.Keys.ToList()),
            Models.Spec,
            Global,
            new FedAvg(new FedAvgOptions(Models.Config, MinFitSites: minFit)),
            refs,
            minFit,
            1,
            fitTimeout ?? TimeSpan.FromSeconds(30),
            TimeSpan.FromMilliseconds(400));
        kit.Sys.ActorOf(Props.Create(() => new Forwarder(plan, kit.TestActor)));
        return probes;
    }

    /// <summary>Every site that is not <paramref name="silent"/> answers its evaluation with accuracy 0.8.</summary>
    public static void AnswerEvaluation(IReadOnlyList<(SiteId Site, TestProbe Probe)> probes, SiteId? silent = null)
    {
        foreach (var (site, probe) in probes)
        {
            var instruction = probe.ExpectMsg<EvaluateInstruction>();
            if (site != silent)
            {
                probe.Reply(new EvaluateReply(Study, instruction.Round, site, Models.Evaluation(5, 0.8)));
            }
        }
    }

    /// <summary>The round's parent: passes its one reply on to the spec.</summary>
    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(RoundPlan plan, IActorRef spec)
        {
            Context.ActorOf(RoundActor.Props(plan), "round");
            ReceiveAny(m => spec.Forward(m));
        }
    }
}
