using FedHealth.Core.Ids;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.SecureAggregation.Client;
using FedHealth.SecureAggregation.Errors;
using FedHealth.SecureAggregation.Tests.Support;

namespace FedHealth.SecureAggregation.Tests.Guards;

public sealed class UnmaskGuardTests
{
    private static ManualSession AtConsistencyCheck(int n = 6, int k = 5, int t = 3, params SiteId[] silentAtMaskedInput)
    {
        var s = new ManualSession(n, k, t);
        s.AdvanceTo(SecAggStage.MaskedInput);
        s.Step(silentAtMaskedInput);
        return s;
    }

    [Fact]
    public void A_survivor_list_with_duplicates_is_refused()
    {
        using var s = AtConsistencyCheck();
        var site = s.Sites[0];
        var m = s.For<SecAggSurvivors>(site);

        GuardAssert.Fires(SecAggGuard.DuplicateSite, s.Clients[site], () => s.Clients[site].ConfirmSurvivors(m with { Survivors = [.. m.Survivors, m.Survivors[1]] }));
    }

    [Fact]
    public void A_survivor_list_listing_the_site_itself_as_dropped_is_refused()
    {
        using var s = AtConsistencyCheck();
        var site = s.Sites[0];
        var m = s.For<SecAggSurvivors>(site);

        GuardAssert.Fires(SecAggGuard.SelfListedAsDropped, s.Clients[site], () => s.Clients[site].ConfirmSurvivors(m with { Survivors = [.. m.Survivors.Where(x => x != site)] }));
    }

    [Fact]
    public void A_survivor_list_with_an_unknown_site_is_refused()
    {
        using var s = AtConsistencyCheck();
        var site = s.Sites[0];
        var m = s.For<SecAggSurvivors>(site);

        GuardAssert.Fires(SecAggGuard.UnknownSite, s.Clients[site], () => s.Clients[site].ConfirmSurvivors(m with { Survivors = [.. m.Survivors, new SiteId("ghost")] }));
    }

    [Fact]
    public void A_survivor_list_with_fewer_than_t_surviving_neighbours_is_refused()
    {
        using var s = AtConsistencyCheck();
        var site = s.Sites[0];
        var m = s.For<SecAggSurvivors>(site);

        GuardAssert.Fires(SecAggGuard.TooFewSurvivors, s.Clients[site], () => s.Clients[site].ConfirmSurvivors(m with { Survivors = [site, .. m.Survivors.Where(x => x != site).Take(2)] }));
    }

    [Fact]
    public void A_survivor_list_naming_a_neighbour_that_never_shared_keys_is_refused()
    {
        // Site 5 stays silent in key sharing; the coordinator later claims it survived.
        using var s = new ManualSession(6, 5, 3);
        s.AdvanceTo(SecAggStage.ShareKeys);
        s.Step(s.Sites[5]);
        s.Step();
        var site = s.Sites[0];
        var m = s.For<SecAggSurvivors>(site);

        GuardAssert.Fires(SecAggGuard.InconsistentSurvivors, s.Clients[site], () => s.Clients[site].ConfirmSurvivors(m with { Survivors = [.. m.Survivors, s.Sites[5]] }));
    }

    [Fact]
    public void A_survivor_list_of_another_session_is_refused()
    {
        using var s = AtConsistencyCheck();
        var site = s.Sites[0];

        GuardAssert.Fires(SecAggGuard.SessionMismatch, s.Clients[site], () => s.Clients[site].ConfirmSurvivors(s.For<SecAggSurvivors>(site) with { SessionId = new byte[32] }));
    }

    [Fact]
    public void Unmasking_with_fewer_than_t_neighbour_signatures_is_refused()
    {
        using var s = AtConsistencyCheck();
        s.Step();
        var site = s.Sites[0];
        var request = s.For<SecAggUnmaskRequest>(site);

        GuardAssert.Fires(SecAggGuard.ConsistencyCheckFailed, s.Clients[site], () => s.Clients[site].Unmask(request with { Signatures = [.. request.Signatures.Take(2)] }));
    }

    [Fact]
    public void A_coordinator_showing_neighbours_a_different_survivor_list_is_caught()
    {
        // The two-faced attack: site 0 is told that site 5 survived (so it would reveal b_5), while
        // its neighbours are told that site 5 dropped (so they would reveal site 5's mask key).
        // Site 0 sees that the neighbours signed another list and reveals nothing.
        using var s = AtConsistencyCheck();
        var victim = s.Sites[5];
        var site = s.Sites[0];
        var honestList = s.For<SecAggSurvivors>(site);
        s.Clients[site].ConfirmSurvivors(honestList);
        var lie = honestList with { Survivors = [.. honestList.Survivors.Where(x => x != victim)] };
        var signatures = s.Sites.Skip(1).Take(4).Select(x => (SecAggSurvivorsSignature)s.Reply(x, lie)).ToList();
        var request = new SecAggUnmaskRequest(Sessions.Study, 1, site, honestList.SessionId, signatures, []);

        GuardAssert.Fires(SecAggGuard.InvalidSignature, s.Clients[site], () => s.Clients[site].Unmask(request));
    }

    [Fact]
    public void A_coordinator_that_had_a_site_mask_with_chosen_neighbours_cannot_get_its_b_from_the_others()
    {
        // The isolation attack: the coordinator forwards to u the shares of every neighbour but x,
        // so u masks without x; x still holds a share of b_u. If x revealed it while the others
        // were declared dropped, u's input would be bare. x sees from u's signed mask set that u
        // did not mask with it and refuses.
        using var s = new ManualSession(6, 5, 3);
        s.AdvanceTo(SecAggStage.MaskedInput);
        var u = s.Sites[0];
        var x = s.Sites[5];
        var forwarded = s.For<SecAggForwardedShares>(u);
        var inputs = new Dictionary<SiteId, SecAggMaskedInput>
        {
            [u] = (SecAggMaskedInput)s.Reply(u, forwarded with { Shares = [.. forwarded.Shares.Where(share => share.Sender != x)] }),
        };
        foreach (var site in s.Sites.Skip(1))
        {
            inputs[site] = (SecAggMaskedInput)s.Reply(site, s.For<SecAggForwardedShares>(site));
        }

        var survivors = new SecAggSurvivors(Sessions.Study, 1, forwarded.SessionId, s.Sites);
        var signatures = s.Sites.Skip(1).Select(site => (SecAggSurvivorsSignature)s.Reply(site, survivors)).ToList();
        var request = new SecAggUnmaskRequest(
            Sessions.Study,
            1,
            x,
            forwarded.SessionId,
            [.. signatures.Where(sig => sig.Site != x)],
            [.. s.Sites.Where(site => site != x).Select(site => new SecAggMaskSet(site, inputs[site].MaskedWith, inputs[site].MaskSetSignature))]);

        Assert.DoesNotContain(x, inputs[u].MaskedWith);
        GuardAssert.Fires(SecAggGuard.MaskSetMismatch, s.Clients[x], () => s.Clients[x].Unmask(request));
    }

    [Fact]
    public void Unmasking_without_a_surviving_neighbour_mask_set_is_refused()
    {
        using var s = AtConsistencyCheck();
        s.Step();
        var site = s.Sites[0];
        var request = s.For<SecAggUnmaskRequest>(site);

        GuardAssert.Fires(SecAggGuard.MaskSetMismatch, s.Clients[site], () => s.Clients[site].Unmask(request with { MaskSets = [.. request.MaskSets.Skip(1)] }));
    }

    [Fact]
    public void A_mask_set_the_neighbour_did_not_sign_is_refused()
    {
        using var s = AtConsistencyCheck();
        s.Step();
        var site = s.Sites[0];
        var request = s.For<SecAggUnmaskRequest>(site);
        var forged = request.MaskSets[0] with { Signature = request.MaskSets[1].Signature };

        GuardAssert.Fires(SecAggGuard.InvalidSignature, s.Clients[site], () => s.Clients[site].Unmask(request with { MaskSets = [forged, .. request.MaskSets.Skip(1)] }));
    }

    [Fact]
    public void A_signature_from_a_site_that_is_not_a_survivor_is_refused()
    {
        using var s = AtConsistencyCheck(6, 5, 3, new SiteId("site-006"));
        s.Step();
        var site = s.Sites[0];
        var request = s.For<SecAggUnmaskRequest>(site);
        var forged = request.Signatures[0] with { Site = s.Sites[5] };

        GuardAssert.Fires(SecAggGuard.InconsistentSurvivors, s.Clients[site], () => s.Clients[site].Unmask(request with { Signatures = [.. request.Signatures, forged] }));
    }

    [Fact]
    public void A_replayed_unmask_request_reveals_nothing_more()
    {
        using var s = AtConsistencyCheck();
        s.Step();
        var site = s.Sites[0];
        var request = s.For<SecAggUnmaskRequest>(site);
        s.Clients[site].Unmask(request);

        var e = Assert.Throws<SecureAggregationAbortedException>(() => s.Clients[site].Unmask(request));
        Assert.Equal(SecAggGuard.Replay, e.Guard);
    }

    [Fact]
    public void An_unmask_request_addressed_to_another_site_is_refused()
    {
        using var s = AtConsistencyCheck();
        s.Step();

        GuardAssert.Fires(SecAggGuard.WrongRecipient, s.Clients[s.Sites[0]], () => s.Clients[s.Sites[0]].Unmask(s.For<SecAggUnmaskRequest>(s.Sites[1])));
    }

    [Fact]
    public void A_site_reveals_b_shares_of_survivors_and_key_shares_of_the_dropped_never_both()
    {
        using var s = AtConsistencyCheck(6, 5, 3, new SiteId("site-006"));
        s.Step();
        var reply = s.Clients[s.Sites[0]].Unmask(s.For<SecAggUnmaskRequest>(s.Sites[0]));

        Assert.Equal(s.Sites[1..5], reply.SelfMaskShares.Select(x => x.Owner));
        Assert.Equal([s.Sites[5]], reply.MaskKeyShares.Select(x => x.Owner));
        Assert.Empty(reply.SelfMaskShares.Select(x => x.Owner).Intersect(reply.MaskKeyShares.Select(x => x.Owner)));
    }

    [Fact]
    public void The_reveal_ledger_refuses_the_second_secret_of_a_neighbour()
    {
        var ledger = new RevealLedger();
        var owner = new SiteId("site-002");

        Assert.True(ledger.TryReveal(owner, RevealLedger.RevealKind.SelfMaskSeed));
        Assert.True(ledger.TryReveal(owner, RevealLedger.RevealKind.SelfMaskSeed));
        Assert.False(ledger.TryReveal(owner, RevealLedger.RevealKind.MaskKey));
        Assert.True(ledger.TryReveal(new SiteId("site-003"), RevealLedger.RevealKind.MaskKey));
        Assert.False(ledger.TryReveal(new SiteId("site-003"), RevealLedger.RevealKind.SelfMaskSeed));
    }
}
