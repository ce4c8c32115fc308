using FedHealth.Core.Ids;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Crypto.Hashing;
using FedHealth.Crypto.Kdf;
using FedHealth.Crypto.Prg;

namespace FedHealth.SecureAggregation.Transcripts;

/// <summary>
/// Every byte string the protocol signs, hashes or binds, each under its own domain label, and the
/// derivations of the keys and generators from raw secrets. Client and server must agree on these
/// exactly, so they live in one place.
/// </summary>
internal static class SecAggTranscripts
{
    private const string Prefix = "FedHealth/SecAgg/v1/";

    public static byte[] SetupHash(SecAggSetup setup)
    {
        var t = new Transcript(Prefix + "setup")
            .Append(setup.Study.Value)
            .Append(setup.Round)
            .Append(setup.Participants.Count);
        foreach (var site in setup.Participants)
        {
            t.Append(site.Value);
        }

        return t.Append(setup.Neighbours)
            .Append(setup.Threshold)
            .Append(setup.ModulusBits)
            .Append(setup.VectorLength)
            .Append(setup.GraphSeed)
            .Hash();
    }

    /// <summary>What a site signs when it advertises its keys: both keys, bound to its identity and to the setup.</summary>
    public static byte[] AdvertisedKeys(byte[] setupHash, SiteId site, byte[] cipherPublicKey, byte[] maskPublicKey) =>
        new Transcript(Prefix + "advertise")
            .Append(setupHash)
            .Append(site.Value)
            .Append(cipherPublicKey)
            .Append(maskPublicKey)
            .ToArray();

    /// <summary>The session id: a hash over the setup and every advertised key, in site order.</summary>
    public static byte[] SessionId(byte[] setupHash, IEnumerable<SecAggAdvertiseKeys> keys)
    {
        var sorted = keys.OrderBy(k => k.Site).ToList();
        var t = new Transcript(Prefix + "session").Append(setupHash).Append(sorted.Count);
        foreach (var k in sorted)
        {
            t.Append(k.Site.Value).Append(k.CipherPublicKey).Append(k.MaskPublicKey).Append(k.Signature);
        }

        return t.Hash();
    }

    /// <summary>The key of the neighbour graph: the coordinator's seed (committed before any key was seen) and the session id.</summary>
    public static byte[] GraphKey(byte[] graphSeed, byte[] sessionId) =>
        HkdfSha256.DeriveKey(graphSeed, sessionId, Label("graph"), AesCtrPrg.KeySize);

    /// <summary>The AES-256-GCM key for shares between two sites, from their X25519 agreement.</summary>
    public static byte[] ShareKey(byte[] agreement, byte[] sessionId) =>
        HkdfSha256.DeriveKey(agreement, sessionId, Label("share-key"), 32);

    /// <summary>Associated data of a share: binds study, round, session, sender and recipient.</summary>
    public static byte[] ShareAssociatedData(StudyId study, int round, byte[] sessionId, SiteId sender, SiteId recipient) =>
        new Transcript(Prefix + "share")
            .Append(study.Value)
            .Append(round)
            .Append(sessionId)
            .Append(sender.Value)
            .Append(recipient.Value)
            .ToArray();

    /// <summary>What a site signs in the consistency check: the survivor list it saw, sorted.</summary>
    public static byte[] Survivors(StudyId study, int round, byte[] sessionId, IReadOnlyList<SiteId> sortedSurvivors)
    {
        var t = new Transcript(Prefix + "survivors")
            .Append(study.Value)
            .Append(round)
            .Append(sessionId)
            .Append(sortedSurvivors.Count);
        foreach (var site in sortedSurvivors)
        {
            t.Append(site.Value);
        }

        return t.ToArray();
    }

    /// <summary>What a site signs with its masked input: the neighbours it masked with, sorted.</summary>
    public static byte[] MaskSet(StudyId study, int round, byte[] sessionId, SiteId site, IReadOnlyList<SiteId> sortedMaskedWith)
    {
        var t = new Transcript(Prefix + "mask-set")
            .Append(study.Value)
            .Append(round)
            .Append(sessionId)
            .Append(site.Value)
            .Append(sortedMaskedWith.Count);
        foreach (var v in sortedMaskedWith)
        {
            t.Append(v.Value);
        }

        return t.ToArray();
    }

    /// <summary>PRG(b): the self mask, from the full 256-bit seed.</summary>
    public static AesCtrPrg SelfMask(ReadOnlySpan<byte> seed, byte[] sessionId) =>
        AesCtrPrg.FromSeed(seed, sessionId, Label("self-mask"));

    /// <summary>PRG(s_uv): the pairwise mask, from the full X25519 agreement.</summary>
    public static AesCtrPrg PairwiseMask(ReadOnlySpan<byte> agreement, byte[] sessionId) =>
        AesCtrPrg.FromSeed(agreement, sessionId, Label("pairwise-mask"));

    private static byte[] Label(string name) => System.Text.Encoding.ASCII.GetBytes(Prefix + name);
}
