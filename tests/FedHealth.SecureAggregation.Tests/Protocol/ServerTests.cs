using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.SecureAggregation.Errors;
using FedHealth.SecureAggregation.Parameters;
using FedHealth.SecureAggregation.Server;
using FedHealth.SecureAggregation.Tests.Support;

namespace FedHealth.SecureAggregation.Tests.Protocol;

public sealed class ServerTests
{
    [Fact]
    public void Keys_with_a_bad_signature_count_the_site_as_dropped()
    {
        using var s = new ManualSession(5, 4, 3);
        var site = s.Sites[1];
        var keys = (SecAggAdvertiseKeys)s.Reply(site, s.For<SecAggSetup>(site));

        var receipt = s.Server.Receive(keys with { Signature = new byte[64] });

        Assert.False(receipt.Accepted);
        Assert.DoesNotContain(site, s.Server.AwaitedSites);
    }

    [Fact]
    public void A_duplicate_or_late_message_is_rejected_without_effect()
    {
        using var s = new ManualSession(5, 4, 3);
        var site = s.Sites[1];
        var keys = (SecAggAdvertiseKeys)s.Reply(site, s.For<SecAggSetup>(site));

        Assert.True(s.Server.Receive(keys).Accepted);
        Assert.False(s.Server.Receive(keys).Accepted);
    }

    [Fact]
    public void A_masked_input_whose_mask_set_differs_from_what_was_forwarded_is_rejected()
    {
        using var s = new ManualSession(5, 4, 3);
        s.AdvanceTo(SecAggStage.MaskedInput);
        var site = s.Sites[0];
        var input = (SecAggMaskedInput)s.Reply(site, s.For<SecAggForwardedShares>(site));
        var fewer = input.MaskedWith.Skip(1).ToList();
        var resigned = s.SiteKey(site).Sign(Transcripts.SecAggTranscripts.MaskSet(Sessions.Study, 1, input.SessionId, site, fewer));

        Assert.False(s.Server.Receive(input with { MaskedWith = fewer, MaskSetSignature = resigned }).Accepted);
        Assert.DoesNotContain(site, s.Server.AwaitedSites);
    }

    [Fact]
    public void A_masked_input_with_an_unsigned_mask_set_is_rejected()
    {
        using var s = new ManualSession(5, 4, 3);
        s.AdvanceTo(SecAggStage.MaskedInput);
        var site = s.Sites[0];
        var input = (SecAggMaskedInput)s.Reply(site, s.For<SecAggForwardedShares>(site));

        Assert.False(s.Server.Receive(input with { MaskSetSignature = new byte[64] }).Accepted);
    }

    [Fact]
    public void A_message_of_the_wrong_stage_is_rejected()
    {
        using var s = new ManualSession(5, 4, 3);

        Assert.False(s.Server.Receive(new SecAggMaskedInput(Sessions.Study, 1, s.Sites[0], new byte[32], new byte[64], [], [])).Accepted);
    }

    [Fact]
    public void A_stage_can_close_as_soon_as_all_awaited_sites_replied()
    {
        using var s = new ManualSession(5, 4, 3);
        foreach (var o in s.Pending)
        {
            Assert.False(s.Server.AllReplied);
            s.Server.Receive(s.Reply(o.To, o.Message));
        }

        Assert.True(s.Server.AllReplied);
        Assert.All(s.Server.CloseStage().Outgoing, o => Assert.IsType<SecAggKeysBroadcast>(o.Message));
        Assert.Equal(SecAggStage.ShareKeys, s.Server.Stage);
    }

    [Fact]
    public void A_site_abort_notice_is_recorded_with_its_guard()
    {
        using var s = new ManualSession(5, 4, 3);
        var site = s.Sites[2];

        s.Server.Receive(new SecAggSiteAborted(Sessions.Study, 1, site, SecAggStage.AdvertiseKeys, "UnacceptableParameters", "too weak"));
        s.Step(site);
        s.Step();
        s.Step();
        s.Step();
        var result = s.Step().Result!;

        Assert.Contains(result.Dropouts, d => d.Site == site && d.Reason == "refused: UnacceptableParameters");
    }

    [Fact]
    public void Configurations_the_protocol_cannot_run_are_refused()
    {
        var sites = Sessions.Sites(4);
        var keys = sites.ToDictionary(x => x, _ => new byte[32]);

        Assert.Throws<SecureAggregationConfigurationException>(() => new SecAggServer(Sessions.Study, 1, sites[..2], new SecAggParameters(2, 2), 8, keys));
        Assert.Throws<SecureAggregationConfigurationException>(() => new SecAggServer(Sessions.Study, 1, sites, new SecAggParameters(4, 4), 8, keys));
        Assert.Throws<SecureAggregationConfigurationException>(() => new SecAggServer(Sessions.Study, 1, [.. sites, sites[0]], new SecAggParameters(3, 2), 8, keys));
    }

    [Fact]
    public void The_graph_seed_is_fresh_for_every_session()
    {
        using var a = new ManualSession(5, 4, 3);
        using var b = new ManualSession(5, 4, 3);

        Assert.NotEqual(a.Server.Setup.GraphSeed, b.Server.Setup.GraphSeed);
    }
}
