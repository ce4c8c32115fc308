using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.SecureAggregation.Errors;
using FedHealth.SecureAggregation.Tests.Support;

namespace FedHealth.SecureAggregation.Tests.Guards;

public sealed class KeyGuardTests
{
    private static (ManualSession Session, SecAggKeysBroadcast Broadcast) AtShareKeys()
    {
        var s = new ManualSession(5, 4, 3);
        s.AdvanceTo(SecAggStage.ShareKeys);
        return (s, s.For<SecAggKeysBroadcast>(s.Sites[0]));
    }

    private static SecAggKeysBroadcast Replace(SecAggKeysBroadcast b, int index, Func<SecAggAdvertiseKeys, SecAggAdvertiseKeys> change) =>
        b with { Keys = [.. b.Keys.Select((k, i) => i == index ? change(k) : k)] };

    [Fact]
    public void A_public_key_of_the_wrong_size_is_refused()
    {
        var (s, b) = AtShareKeys();
        using var _ = s;

        GuardAssert.Fires(SecAggGuard.InvalidKey, s.Clients[s.Sites[0]], () => s.Clients[s.Sites[0]].ShareKeys(Replace(b, 2, k => k with { MaskPublicKey = k.MaskPublicKey[..31] })));
    }

    [Fact]
    public void A_low_order_encryption_key_is_refused()
    {
        var (s, b) = AtShareKeys();
        using var _ = s;
        var victim = s.Sites[0];
        var neighbour = b.Keys[2].Site;

        // Re-sign the bad key with the neighbour's real site key so only the key itself is wrong.
        var bad = Replace(b, 2, k => Resigned(s, k with { CipherPublicKey = new byte[32] }));

        GuardAssert.Fires(SecAggGuard.InvalidKey, s.Clients[victim], () => s.Clients[victim].ShareKeys(bad));
        Assert.NotEqual(victim, neighbour);
    }

    [Fact]
    public void Unsigned_keys_are_refused()
    {
        var (s, b) = AtShareKeys();
        using var _ = s;

        GuardAssert.Fires(SecAggGuard.InvalidSignature, s.Clients[s.Sites[0]], () => s.Clients[s.Sites[0]].ShareKeys(Replace(b, 1, k => k with { Signature = [] })));
    }

    [Fact]
    public void Keys_substituted_by_the_coordinator_are_refused()
    {
        // The coordinator swaps in its own key for a neighbour: the signature no longer verifies.
        var (s, b) = AtShareKeys();
        using var _ = s;
        using var own = FedHealth.Crypto.KeyAgreement.X25519KeyPair.Generate();

        GuardAssert.Fires(SecAggGuard.InvalidSignature, s.Clients[s.Sites[0]], () => s.Clients[s.Sites[0]].ShareKeys(Replace(b, 1, k => k with { MaskPublicKey = own.PublicKey })));
    }

    [Fact]
    public void A_broadcast_that_alters_the_site_own_keys_is_refused()
    {
        var (s, b) = AtShareKeys();
        using var _ = s;
        using var own = FedHealth.Crypto.KeyAgreement.X25519KeyPair.Generate();

        GuardAssert.Fires(SecAggGuard.KeysAltered, s.Clients[s.Sites[0]], () => s.Clients[s.Sites[0]].ShareKeys(Replace(b, 0, k => k with { CipherPublicKey = own.PublicKey })));
    }

    [Fact]
    public void A_broadcast_without_the_site_own_keys_is_refused()
    {
        var (s, b) = AtShareKeys();
        using var _ = s;

        GuardAssert.Fires(SecAggGuard.SelfListedAsDropped, s.Clients[s.Sites[0]], () => s.Clients[s.Sites[0]].ShareKeys(b with { Keys = [.. b.Keys.Skip(1)] }));
    }

    [Fact]
    public void A_broadcast_listing_a_site_twice_is_refused()
    {
        var (s, b) = AtShareKeys();
        using var _ = s;

        GuardAssert.Fires(SecAggGuard.DuplicateSite, s.Clients[s.Sites[0]], () => s.Clients[s.Sites[0]].ShareKeys(b with { Keys = [.. b.Keys, b.Keys[3]] }));
    }

    [Fact]
    public void Keys_of_another_round_are_refused()
    {
        var (s, b) = AtShareKeys();
        using var _ = s;

        GuardAssert.Fires(SecAggGuard.WrongStudyOrRound, s.Clients[s.Sites[0]], () => s.Clients[s.Sites[0]].ShareKeys(Replace(b, 3, k => k with { Round = 7 })));
    }

    [Fact]
    public void Too_few_advertised_keys_for_the_threshold_are_refused()
    {
        var (s, b) = AtShareKeys();
        using var _ = s;

        GuardAssert.Fires(SecAggGuard.TooFewNeighbours, s.Clients[s.Sites[0]], () => s.Clients[s.Sites[0]].ShareKeys(b with { Keys = [.. b.Keys.Take(3)] }));
    }

    private static SecAggAdvertiseKeys Resigned(ManualSession s, SecAggAdvertiseKeys k)
    {
        var setup = s.Server.Setup;
        var hash = Transcripts.SecAggTranscripts.SetupHash(setup);
        return k with { Signature = s.SiteKey(k.Site).Sign(Transcripts.SecAggTranscripts.AdvertisedKeys(hash, k.Site, k.CipherPublicKey, k.MaskPublicKey)) };
    }
}
