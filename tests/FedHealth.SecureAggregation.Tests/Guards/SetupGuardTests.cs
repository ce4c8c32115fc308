using FedHealth.Core.Ids;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.SecureAggregation.Client;
using FedHealth.SecureAggregation.Errors;
using FedHealth.SecureAggregation.Tests.Support;

namespace FedHealth.SecureAggregation.Tests.Guards;

public sealed class SetupGuardTests
{
    [Fact]
    public void A_setup_of_another_round_is_refused()
    {
        using var s = new ManualSession(5, 4, 3);
        var site = s.Sites[0];

        GuardAssert.Fires(SecAggGuard.WrongStudyOrRound, s.Clients[site], () => s.Clients[site].AdvertiseKeys(s.For<SecAggSetup>(site) with { Round = 2 }));
    }

    [Fact]
    public void A_setup_that_leaves_the_site_out_is_refused()
    {
        using var s = new ManualSession(5, 4, 3);
        var site = s.Sites[0];
        var setup = s.For<SecAggSetup>(site);

        GuardAssert.Fires(SecAggGuard.NotAParticipant, s.Clients[site], () => s.Clients[site].AdvertiseKeys(setup with { Participants = [.. setup.Participants.Skip(1)] }));
    }

    [Fact]
    public void A_setup_listing_a_site_twice_is_refused()
    {
        using var s = new ManualSession(5, 4, 3);
        var site = s.Sites[0];
        var setup = s.For<SecAggSetup>(site);

        GuardAssert.Fires(SecAggGuard.DuplicateSite, s.Clients[site], () => s.Clients[site].AdvertiseKeys(setup with { Participants = [.. setup.Participants, setup.Participants[1]] }));
    }

    [Fact]
    public void A_setup_naming_a_site_that_is_not_enrolled_is_refused()
    {
        using var s = new ManualSession(5, 4, 3);
        var site = s.Sites[0];
        var setup = s.For<SecAggSetup>(site);

        GuardAssert.Fires(SecAggGuard.UnknownSite, s.Clients[site], () => s.Clients[site].AdvertiseKeys(setup with { Participants = [.. setup.Participants, new SiteId("intruder")] }));
    }

    [Fact]
    public void A_threshold_weaker_than_the_site_policy_is_refused()
    {
        // 40 sites, k = 10, t = 6: against 10 % corrupt sites some neighbourhood is likely to hold
        // 2t − k = 2 corrupt sites, so a careful site refuses.
        using var s = new ManualSession(40, 10, 6, policy: new SecAggClientPolicy(AssumedCorruptFraction: 0.1, MinimumCollusionBits: 40));
        var site = s.Sites[0];

        GuardAssert.Fires(SecAggGuard.UnacceptableParameters, s.Clients[site], () => s.Clients[site].AdvertiseKeys(s.For<SecAggSetup>(site)));
    }

    [Fact]
    public void A_threshold_at_or_below_half_the_neighbours_is_refused()
    {
        using var s = new ManualSession(5, 4, 3);
        var site = s.Sites[0];

        GuardAssert.Fires(SecAggGuard.UnacceptableParameters, s.Clients[site], () => s.Clients[site].AdvertiseKeys(s.For<SecAggSetup>(site) with { Threshold = 2 }));
    }

    [Fact]
    public void A_setup_without_a_graph_seed_is_refused()
    {
        using var s = new ManualSession(5, 4, 3);
        var site = s.Sites[0];

        GuardAssert.Fires(SecAggGuard.UnacceptableParameters, s.Clients[site], () => s.Clients[site].AdvertiseKeys(s.For<SecAggSetup>(site) with { GraphSeed = [] }));
    }

    [Fact]
    public void A_replayed_setup_is_refused()
    {
        using var s = new ManualSession(5, 4, 3);
        var site = s.Sites[0];
        var setup = s.For<SecAggSetup>(site);
        s.Clients[site].AdvertiseKeys(setup);

        GuardAssert.Fires(SecAggGuard.Replay, s.Clients[site], () => s.Clients[site].AdvertiseKeys(setup));
    }

    [Fact]
    public void A_message_of_a_later_stage_first_is_refused()
    {
        using var s = new ManualSession(5, 4, 3);
        var site = s.Sites[0];

        GuardAssert.Fires(SecAggGuard.OutOfOrder, s.Clients[site], () => s.Clients[site].ShareKeys(new SecAggKeysBroadcast(Sessions.Study, 1, [])));
    }

    [Fact]
    public void An_aborted_site_answers_nothing_more()
    {
        using var s = new ManualSession(5, 4, 3);
        var site = s.Sites[0];
        var setup = s.For<SecAggSetup>(site);
        Assert.Throws<SecureAggregationAbortedException>(() => s.Clients[site].AdvertiseKeys(setup with { Round = 9 }));

        Assert.Throws<SecureAggregationAbortedException>(() => s.Clients[site].AdvertiseKeys(setup));
    }
}
