using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using FedHealth.Core.Delivery;
using FedHealth.Core.Protocol;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;
using FedHealth.SecureAggregation.Errors;

namespace FedHealth.EndToEnd.Tests.Federation.LyingCoordinator;

/// <summary>
/// A coordinator that lies, played by test code holding the coordinator's real certificate over
/// mutual TLS, against a real node process with a strict policy (DP and secure aggregation
/// required, ε ≤ 3 per study, a round trained at most twice, one study). Each lie is refused with
/// a reason, logged, answered with nothing but that refusal (never weights or a metric), charged
/// only when it was trained, and the node stays up (docs/secure-aggregation.md, the threat table).
/// </summary>
[Collection(LocalFederationCollection.Name)]
public sealed class LyingCoordinatorSpecs(LyingCoordinatorFixture node) : IClassFixture<LyingCoordinatorFixture>
{
    [Fact]
    public async Task A_downgrade_to_no_secure_aggregation_is_refused_and_the_node_sends_no_weights()
    {
        var answers = await node.AnswersToAsync(node.Fit(101) with { Secure = null }, 1101);

        AssertRefused(answers, "Node:Privacy:RequireSecureAggregation");
        AssertNotCharged(101);
    }

    [Fact]
    public async Task A_downgrade_to_no_differential_privacy_is_refused()
    {
        var fit = node.Fit(102);
        var answers = await node.AnswersToAsync(fit with { Config = fit.Config with { RecordDp = null } }, 1102);

        AssertRefused(answers, "Node:Privacy:RequireDp");
        AssertNotCharged(102);
    }

    [Fact]
    public async Task A_tiny_noise_multiplier_is_refused_naming_the_epsilon_it_would_cost()
    {
        var fit = node.Fit(103);
        var answers = await node.AnswersToAsync(fit with { Config = fit.Config with { RecordDp = new DpSgdConfig(1e-9, 1.0, 0.05) } }, 1103);

        AssertRefused(answers, "(σ = 1E-09");
        Assert.Contains("limit is ε = 3 per study", Reason(answers), StringComparison.Ordinal);
        AssertNotCharged(103);
    }

    [Fact]
    public async Task More_privacy_budget_than_the_sites_policy_allows_is_refused()
    {
        var fit = node.Fit(104);
        var answers = await node.AnswersToAsync(fit with { Config = fit.Config with { LocalSteps = 10_000, RecordDp = new DpSgdConfig(0.7, 1.0, 0.1) } }, 1104);

        AssertRefused(answers, "Node:Privacy:MaxEpsilonPerStudy");
        AssertNotCharged(104);
    }

    [Fact]
    public async Task The_same_round_replayed_five_times_is_trained_twice_charged_twice_and_then_refused()
    {
        for (var i = 0; i < 4; i++)
        {
            node.Coordinator.Send(node.Fit(105));
        }

        var answers = await node.AnswersToAsync(node.Fit(105), 1105, a => a.OfType<StageFailed>().Count() >= 3);

        Assert.Equal(3, answers.OfType<StageFailed>().Count(f => f.Reason.Contains("was already trained 2 times", StringComparison.Ordinal)));
        Assert.DoesNotContain(answers, m => m is FitReply);
        Assert.Equal(2, node.Charges().Count(c => c.Round == 105));
        Assert.Contains("Node:Privacy:MaxAttemptsPerRound", node.NodeLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_local_steps_than_the_site_allows_are_refused()
    {
        var fit = node.Fit(106);
        var answers = await node.AnswersToAsync(fit with { Config = fit.Config with { LocalSteps = 20_000 } }, 1106);

        AssertRefused(answers, "Node:Training:MaxLocalSteps");
        AssertNotCharged(106);
    }

    [Fact]
    public async Task Absurd_local_work_and_a_model_with_NaN_never_reach_the_agent_the_nodes_wire_refuses_them()
    {
        var fit = node.Fit(107);
        var nan = node.Weights.Flat.ToArray();
        nan[0] = float.NaN;

        var absurd = await node.AnswersToAsync(fit with { Config = fit.Config with { LocalSteps = 2_000_000_000 } }, 1107);
        var poisoned = await node.AnswersToAsync(node.Fit(108, new ModelWeights(node.Weights.Specs, nan)), 1108);

        Assert.Empty(absurd);
        Assert.Empty(poisoned);
        Assert.Contains("Refused FitInstruction (OutOfRange)", node.NodeLog, StringComparison.Ordinal);
        Assert.Contains("Refused FitInstruction (NotFinite)", node.NodeLog, StringComparison.Ordinal);
        AssertNotCharged(107);
        AssertNotCharged(108);
    }

    [Fact]
    public async Task A_model_of_the_wrong_layout_is_refused_before_anything_is_charged()
    {
        var wrong = new ModelWeights([new TensorSpec("linear.weight", ImmutableArray.Create(1, 4)), new TensorSpec("linear.bias", ImmutableArray.Create(1))], new float[5]);

        var fit = await node.AnswersToAsync(node.Fit(109, wrong), 1109);
        var evaluate = await node.AnswersToAsync(new EvaluateInstruction(node.Study, 110, node.Model, wrong), 1110);

        AssertRefused(fit, "the wrong layout");
        AssertRefused(evaluate, "the wrong layout");
        AssertNotCharged(109);
    }

    [Fact]
    public async Task Instructions_for_a_study_the_node_is_not_in_are_refused()
    {
        var other = new Core.Ids.StudyId("someone-elses-study");

        var fit = await node.AnswersToAsync(node.Fit(111) with { Study = other }, 1111);
        var evaluate = await node.AnswersToAsync(new EvaluateInstruction(other, 112, node.Model, node.Weights), 1112);

        AssertRefused(fit, "Node:Privacy:Studies");
        AssertRefused(evaluate, "Node:Privacy:Studies");
        Assert.DoesNotContain(node.Charges(), c => c.Study == other);
    }

    [Fact]
    public async Task A_model_offer_pointing_at_another_host_is_refused_without_connecting()
    {
        var answers = await node.AnswersToAsync(Offered(113, "127.0.0.2", 22, 4096), 1113);

        AssertRefused(answers, "not this site's coordinator (127.0.0.1)");
        AssertNotCharged(113);
    }

    [Fact]
    public async Task An_oversized_model_offer_is_refused_before_fetching()
    {
        var answers = await node.AnswersToAsync(Offered(114, "127.0.0.1", node.Federation.CoordinatorPort, 1L << 30), 1114);

        AssertRefused(answers, "the model offer announces 1073741824 bytes");
        AssertNotCharged(114);
    }

    [Fact]
    public async Task A_model_offer_on_a_closed_port_and_on_an_open_one_fail_with_the_same_reason()
    {
        using var open = new TcpListener(IPAddress.Loopback, 0);
        open.Start();
        var accepting = AcceptAndCloseAsync(open);
        int closed;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closed = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var toClosed = await node.AnswersToAsync(Offered(115, "127.0.0.1", closed, 4096), 1115, a => a.OfType<StageFailed>().Any());
        var toOpen = await node.AnswersToAsync(Offered(116, "127.0.0.1", ((IPEndPoint)open.LocalEndpoint).Port, 4096), 1116, a => a.OfType<StageFailed>().Any());
        open.Stop();
        await accepting;

        Assert.Equal(Reason(toClosed), Reason(toOpen));
        Assert.Contains("ModelUnavailableException", Reason(toOpen), StringComparison.Ordinal);
        Assert.DoesNotContain(toOpen.Concat(toClosed), m => m is FitReply or EvaluateReply);
    }

    [Fact]
    public async Task After_the_lies_the_node_is_still_up_and_answers_an_honest_evaluation()
    {
        var answers = await node.AnswersToAsync(new EvaluateInstruction(node.Study, 117, node.Model, node.Weights), 1117, a => a.Count > 0);

        Assert.True(node.NodeIsRunning);
        Assert.IsType<EvaluateReply>(Assert.Single(answers));
        Assert.DoesNotContain(node.Heard(), m => m is FitReply);
    }

    [Fact]
    public async Task A_survivor_list_with_fewer_neighbours_than_the_threshold_is_refused_and_nothing_is_unmasked()
    {
        using var round = SecureRoundScript.Begin(node, 120);
        await ThroughMaskedInputAsync(round);

        var answer = await round.StepAsync(m => ((SecAggSurvivors)m) with { Survivors = [new Core.Ids.SiteId(LyingCoordinatorFixture.Site), round.Peers[0]] });

        AssertAborted(answer, SecAggGuard.TooFewSurvivors, 120);
    }

    [Fact]
    public async Task A_coordinator_asking_for_both_secrets_of_one_peer_gets_neither()
    {
        // The two-faced lie: the node is told every peer survived (it would reveal the victim's
        // self-mask share), the other peers are told the victim dropped (they would reveal its mask
        // key). The unmask request carries the peers' signatures of the other list.
        using var round = SecureRoundScript.Begin(node, 121);
        await ThroughMaskedInputAsync(round);
        var honest = (SecAggSurvivors)round.ForNode;
        var victim = round.Peers[3];
        Assert.IsType<SecAggSurvivorsSignature>(await round.SendAsync(honest));
        var lie = honest with { Survivors = [.. honest.Survivors.Where(s => s != victim)] };
        var signatures = round.Peers.Take(3).Select(p => (SecAggSurvivorsSignature)round.PeerReply(p, lie)).ToList();

        var answer = await round.SendAsync(new SecAggUnmaskRequest(honest.Study, 121, new Core.Ids.SiteId(LyingCoordinatorFixture.Site), honest.SessionId, signatures, []));

        AssertAborted(answer, SecAggGuard.InvalidSignature, 121);
    }

    [Fact]
    public async Task A_replayed_survivor_list_is_refused_as_a_replay()
    {
        using var round = SecureRoundScript.Begin(node, 122);
        await ThroughMaskedInputAsync(round);
        var survivors = round.ForNode;
        Assert.IsType<SecAggSurvivorsSignature>(await round.SendAsync(survivors));

        var answer = await round.SendAsync(survivors);

        AssertAborted(answer, SecAggGuard.Replay, 122);
    }

    [Fact]
    public async Task A_survivor_list_naming_a_peer_that_dropped_before_sharing_keys_is_refused()
    {
        // Inconsistent stages: the peer never sent the node its shares, yet it is said to survive.
        using var round = SecureRoundScript.Begin(node, 124);
        Assert.IsType<SecAggAdvertiseKeys>(await round.StepAsync());
        var dropped = round.Peers[3];
        round.Silence(dropped);
        Assert.IsType<SecAggShareKeys>(await round.StepAsync());
        Assert.IsType<SecAggMaskedInput>(await round.StepAsync());

        var answer = await round.StepAsync(m => ((SecAggSurvivors)m) with { Survivors = [.. ((SecAggSurvivors)m).Survivors, dropped] });

        AssertAborted(answer, SecAggGuard.InconsistentSurvivors, 124);
    }

    [Fact]
    public async Task A_substituted_public_key_of_a_peer_is_refused_before_any_share_is_made()
    {
        using var round = SecureRoundScript.Begin(node, 125);
        Assert.IsType<SecAggAdvertiseKeys>(await round.StepAsync());

        var answer = await round.StepAsync(m =>
        {
            var keys = (SecAggKeysBroadcast)m;
            var victim = keys.Keys.First(k => k.Site == round.Peers[0]);
            var other = keys.Keys.First(k => k.Site == round.Peers[1]);
            return keys with { Keys = [.. keys.Keys.Select(k => k == victim ? k with { MaskPublicKey = other.MaskPublicKey } : k)] };
        });

        AssertAborted(answer, SecAggGuard.InvalidSignature, 125);
    }

    [Fact]
    public async Task An_honest_round_with_a_dropped_peer_reveals_each_peers_self_mask_share_or_its_mask_key_never_both()
    {
        using var round = SecureRoundScript.Begin(node, 123);
        await round.StepAsync();
        await round.StepAsync();
        var dropped = round.Peers[3];
        round.Silence(dropped);
        Assert.IsType<SecAggMaskedInput>(await round.StepAsync());
        Assert.IsType<SecAggSurvivorsSignature>(await round.StepAsync());

        var shares = Assert.IsType<SecAggUnmaskShares>(await round.StepAsync());

        Assert.Equal([dropped], shares.MaskKeyShares.Select(s => s.Owner));
        Assert.Equal(round.Peers.Take(3).Order(), shares.SelfMaskShares.Select(s => s.Owner).Order());
        Assert.True(round.Server.IsFinished);
    }

    private static async Task ThroughMaskedInputAsync(SecureRoundScript round)
    {
        Assert.IsType<SecAggAdvertiseKeys>(await round.StepAsync());
        Assert.IsType<SecAggShareKeys>(await round.StepAsync());
        Assert.IsType<SecAggMaskedInput>(await round.StepAsync());
    }

    private void AssertAborted(IRoundMessage answer, SecAggGuard guard, int round)
    {
        var aborted = Assert.IsType<SecAggSiteAborted>(answer);
        Assert.Equal(guard.ToString(), aborted.Guard);
        Assert.DoesNotContain(node.Heard(), m => m.Round == round && m is SecAggUnmaskShares);
        Assert.Contains($"refused to continue round {round}: {guard}", node.NodeLog, StringComparison.Ordinal);
        Assert.True(node.NodeIsRunning);
    }

    private FitInstruction Offered(int round, string host, int port, long length) =>
        node.Fit(round, ModelDelivery.Placeholder) with { WeightsOffer = new ModelOffer(new byte[16], length, new byte[32], host, port) };

    private static async Task AcceptAndCloseAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync();
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopped.
        }
    }

    private void AssertRefused(IReadOnlyList<IRoundMessage> answers, string reason)
    {
        var failure = Assert.IsType<StageFailed>(Assert.Single(answers));
        Assert.StartsWith("refused by the site", failure.Reason, StringComparison.Ordinal);
        Assert.Contains(reason, failure.Reason, StringComparison.Ordinal);
        Assert.Contains($"round {failure.Round}", node.NodeLog, StringComparison.Ordinal);
        Assert.True(node.NodeIsRunning);
    }

    private void AssertNotCharged(int round) => Assert.DoesNotContain(node.Charges(), c => c.Round == round);

    private static string Reason(IReadOnlyList<IRoundMessage> answers) => Assert.Single(answers.OfType<StageFailed>()).Reason;
}
