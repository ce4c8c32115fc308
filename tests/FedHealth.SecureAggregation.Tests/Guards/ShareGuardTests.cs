using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.SecureAggregation.Errors;
using FedHealth.SecureAggregation.Tests.Support;

namespace FedHealth.SecureAggregation.Tests.Guards;

public sealed class ShareGuardTests
{
    private static ManualSession AtMaskedInput(int n = 5, int k = 4, int t = 3, int round = 1)
    {
        var s = new ManualSession(n, k, t, round: round);
        s.AdvanceTo(SecAggStage.MaskedInput);
        return s;
    }

    [Fact]
    public void Shares_without_a_session_id_are_refused()
    {
        using var s = AtMaskedInput();
        var site = s.Sites[0];

        GuardAssert.Fires(SecAggGuard.SessionMismatch, s.Clients[site], () => s.Clients[site].MaskInput(s.For<SecAggForwardedShares>(site) with { SessionId = [] }, s.Inputs(site)));
    }

    [Fact]
    public void Shares_with_a_mismatched_session_id_are_refused()
    {
        using var s = AtMaskedInput();
        var site = s.Sites[0];
        var forwarded = s.For<SecAggForwardedShares>(site);
        var other = (byte[])forwarded.SessionId.Clone();
        other[0] ^= 1;

        GuardAssert.Fires(SecAggGuard.SessionMismatch, s.Clients[site], () => s.Clients[site].MaskInput(forwarded with { SessionId = other }, s.Inputs(site)));
    }

    [Fact]
    public void Shares_addressed_to_another_site_are_refused()
    {
        using var s = AtMaskedInput();

        GuardAssert.Fires(SecAggGuard.WrongRecipient, s.Clients[s.Sites[0]], () => s.Clients[s.Sites[0]].MaskInput(s.For<SecAggForwardedShares>(s.Sites[1]), s.Inputs(s.Sites[0])));
    }

    [Fact]
    public void A_ciphertext_from_another_session_of_the_same_round_is_refused()
    {
        using var a = AtMaskedInput();
        using var b = AtMaskedInput();
        var site = a.Sites[0];
        var fromB = b.For<SecAggForwardedShares>(site).Shares[0];
        var forwarded = a.For<SecAggForwardedShares>(site);
        var transplanted = forwarded with { Shares = [.. forwarded.Shares.Select(x => x.Sender == fromB.Sender ? fromB : x)] };

        GuardAssert.Fires(SecAggGuard.CiphertextRejected, a.Clients[site], () => a.Clients[site].MaskInput(transplanted, a.Inputs(site)));
    }

    [Fact]
    public void A_ciphertext_from_another_round_is_refused()
    {
        using var a = AtMaskedInput(round: 1);
        using var b = AtMaskedInput(round: 2);
        var site = a.Sites[0];
        var fromB = b.For<SecAggForwardedShares>(site).Shares[1];
        var forwarded = a.For<SecAggForwardedShares>(site);
        var transplanted = forwarded with { Shares = [.. forwarded.Shares.Select(x => x.Sender == fromB.Sender ? fromB : x)] };

        GuardAssert.Fires(SecAggGuard.CiphertextRejected, a.Clients[site], () => a.Clients[site].MaskInput(transplanted, a.Inputs(site)));
    }

    [Fact]
    public void A_ciphertext_claimed_by_another_sender_is_refused()
    {
        // The associated data binds the sender: swapping the senders of two boxes breaks both.
        using var s = AtMaskedInput();
        var site = s.Sites[0];
        var forwarded = s.For<SecAggForwardedShares>(site);
        var swapped = forwarded with
        {
            Shares = [forwarded.Shares[0] with { Ciphertext = forwarded.Shares[1].Ciphertext }, forwarded.Shares[1] with { Ciphertext = forwarded.Shares[0].Ciphertext }, .. forwarded.Shares.Skip(2)],
        };

        GuardAssert.Fires(SecAggGuard.CiphertextRejected, s.Clients[site], () => s.Clients[site].MaskInput(swapped, s.Inputs(site)));
    }

    [Fact]
    public void A_tampered_ciphertext_is_refused()
    {
        using var s = AtMaskedInput();
        var site = s.Sites[0];
        var forwarded = s.For<SecAggForwardedShares>(site);
        var box = (byte[])forwarded.Shares[0].Ciphertext.Clone();
        box[20] ^= 0x40;

        GuardAssert.Fires(SecAggGuard.CiphertextRejected, s.Clients[site], () => s.Clients[site].MaskInput(
            forwarded with { Shares = [forwarded.Shares[0] with { Ciphertext = box }, .. forwarded.Shares.Skip(1)] }, s.Inputs(site)));
    }

    [Fact]
    public void Two_shares_from_one_neighbour_are_refused()
    {
        using var s = AtMaskedInput();
        var site = s.Sites[0];
        var forwarded = s.For<SecAggForwardedShares>(site);

        GuardAssert.Fires(SecAggGuard.DuplicateSite, s.Clients[site], () => s.Clients[site].MaskInput(forwarded with { Shares = [.. forwarded.Shares, forwarded.Shares[0]] }, s.Inputs(site)));
    }

    [Fact]
    public void A_share_from_a_site_that_is_not_a_neighbour_is_refused()
    {
        // Ring of 8 with k = 2: most sites are not neighbours of site 0.
        using var s = AtMaskedInput(8, 2, 2);
        var site = s.Sites[0];
        var forwarded = s.For<SecAggForwardedShares>(site);
        var senders = forwarded.Shares.Select(x => x.Sender).ToHashSet();
        var stranger = s.Sites.First(x => x != site && !senders.Contains(x));
        var strangersShare = s.Pending.Select(o => o.Message).OfType<SecAggForwardedShares>().SelectMany(f => f.Shares).First(x => x.Sender == stranger);

        GuardAssert.Fires(SecAggGuard.NotANeighbour, s.Clients[site], () => s.Clients[site].MaskInput(
            forwarded with { Shares = [.. forwarded.Shares, strangersShare with { Recipient = site }] }, s.Inputs(site)));
    }

    [Fact]
    public void Fewer_than_t_neighbour_shares_are_refused()
    {
        using var s = AtMaskedInput();
        var site = s.Sites[0];
        var forwarded = s.For<SecAggForwardedShares>(site);

        GuardAssert.Fires(SecAggGuard.TooFewNeighbours, s.Clients[site], () => s.Clients[site].MaskInput(forwarded with { Shares = [.. forwarded.Shares.Take(2)] }, s.Inputs(site)));
    }

    [Fact]
    public void An_input_of_the_wrong_length_is_a_caller_error_that_does_not_abort()
    {
        using var s = AtMaskedInput();
        var site = s.Sites[0];

        Assert.Throws<ArgumentException>(() => s.Clients[site].MaskInput(s.For<SecAggForwardedShares>(site), new ulong[3]));
        Assert.False(s.Clients[site].IsAborted);
    }
}
