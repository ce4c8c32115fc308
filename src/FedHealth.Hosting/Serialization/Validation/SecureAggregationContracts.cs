using FedHealth.Core.Protocol.SecureAggregation;

namespace FedHealth.Hosting.Serialization.Validation;

/// <summary>
/// The SecAgg+ stages. Keys, signatures and shares are bounded here; whether they verify is the
/// SecAgg+ client's and server's business (their guards run on messages that passed this).
/// </summary>
internal static class SecureAggregationContracts
{
    public static IEnumerable<MessageContract> All =>
    [
        MessageContract.For<SecAggSetup>((m, wire) =>
        {
            wire.Study(m.Study);
            wire.Sites(m.Participants, nameof(m.Participants), min: 1);
            wire.Count(m.Neighbours, 0, m.Participants.Count, nameof(m.Neighbours));
            wire.Count(m.Threshold, 1, m.Participants.Count, nameof(m.Threshold));
            wire.Count(m.ModulusBits, 1, 64, nameof(m.ModulusBits));
            wire.Count(m.VectorLength, 1, WireLimits.MaxVectorLength, nameof(m.VectorLength));
            wire.Bytes(m.GraphSeed, nameof(m.GraphSeed));
        }),
        MessageContract.For<SecAggAdvertiseKeys>((m, wire) => wire.Keys(m, string.Empty)),
        MessageContract.For<SecAggKeysBroadcast>((m, wire) =>
        {
            wire.Study(m.Study);
            wire.List(m.Keys, nameof(m.Keys), (keys, name) => wire.Keys(wire.Present(keys, name), name + "."));
        }),
        MessageContract.For<SecAggShareKeys>((m, wire) =>
        {
            wire.Study(m.Study);
            wire.Site(m.Site, nameof(m.Site));
            wire.Bytes(m.SessionId, nameof(m.SessionId));
            wire.List(m.Shares, nameof(m.Shares), wire.EncryptedShare);
        }),
        MessageContract.For<SecAggForwardedShares>((m, wire) =>
        {
            wire.Study(m.Study);
            wire.Site(m.Recipient, nameof(m.Recipient));
            wire.Bytes(m.SessionId, nameof(m.SessionId));
            wire.List(m.Shares, nameof(m.Shares), wire.EncryptedShare);
        }),
        MessageContract.For<SecAggMaskedInput>((m, wire) =>
        {
            wire.Study(m.Study);
            wire.Site(m.Site, nameof(m.Site));
            wire.Bytes(m.SessionId, nameof(m.SessionId));
            var vector = wire.Present(m.MaskedVector, nameof(m.MaskedVector));
            if (vector.Length == 0 || vector.Length % sizeof(uint) != 0)
            {
                throw wire.Refuse(RefusalReason.OutOfRange, $"{nameof(m.MaskedVector)} is not a whole, non-empty number of 4-byte elements");
            }

            wire.Sites(m.MaskedWith, nameof(m.MaskedWith));
            wire.Bytes(m.MaskSetSignature, nameof(m.MaskSetSignature));
        }),
        MessageContract.For<SecAggSurvivors>((m, wire) =>
        {
            wire.Study(m.Study);
            wire.Bytes(m.SessionId, nameof(m.SessionId));
            wire.Sites(m.Survivors, nameof(m.Survivors));
        }),
        MessageContract.For<SecAggSurvivorsSignature>((m, wire) => wire.SurvivorsSignature(m, string.Empty)),
        MessageContract.For<SecAggUnmaskRequest>((m, wire) =>
        {
            wire.Study(m.Study);
            wire.Site(m.Recipient, nameof(m.Recipient));
            wire.Bytes(m.SessionId, nameof(m.SessionId));
            wire.List(m.Signatures, nameof(m.Signatures), (s, name) => wire.SurvivorsSignature(wire.Present(s, name), name + "."));
            wire.List(m.MaskSets, nameof(m.MaskSets), (set, name) =>
            {
                wire.Present(set, name);
                wire.Site(set.Site, name + ".Site");
                wire.Sites(set.MaskedWith, name + ".MaskedWith");
                wire.Bytes(set.Signature, name + ".Signature");
            });
        }),
        MessageContract.For<SecAggUnmaskShares>((m, wire) =>
        {
            wire.Study(m.Study);
            wire.Site(m.Site, nameof(m.Site));
            wire.Bytes(m.SessionId, nameof(m.SessionId));
            wire.List(m.SelfMaskShares, nameof(m.SelfMaskShares), wire.RevealedShare);
            wire.List(m.MaskKeyShares, nameof(m.MaskKeyShares), wire.RevealedShare);
        }),
        MessageContract.For<SecAggSiteAborted>((m, wire) =>
        {
            wire.Study(m.Study);
            wire.Site(m.Site, nameof(m.Site));
            wire.Known(m.Stage, nameof(m.Stage));
            wire.Text(m.Guard, nameof(m.Guard), maxLength: 128);
            wire.Text(m.Reason, nameof(m.Reason));
        }),
    ];

    private static void Keys(this WireCheck wire, SecAggAdvertiseKeys keys, string prefix)
    {
        wire.Study(keys.Study, prefix + "Study");
        wire.Site(keys.Site, prefix + "Site");
        wire.Bytes(keys.CipherPublicKey, prefix + "CipherPublicKey");
        wire.Bytes(keys.MaskPublicKey, prefix + "MaskPublicKey");
        wire.Bytes(keys.Signature, prefix + "Signature");
    }

    private static void SurvivorsSignature(this WireCheck wire, SecAggSurvivorsSignature signature, string prefix)
    {
        wire.Study(signature.Study, prefix + "Study");
        wire.Site(signature.Site, prefix + "Site");
        wire.Bytes(signature.SessionId, prefix + "SessionId");
        wire.Bytes(signature.Signature, prefix + "Signature");
    }

    private static void EncryptedShare(this WireCheck wire, SecAggEncryptedShare? share, string member)
    {
        wire.Present(share, member);
        wire.Site(share.Sender, member + ".Sender");
        wire.Site(share.Recipient, member + ".Recipient");
        wire.Bytes(share.Ciphertext, member + ".Ciphertext");
    }

    private static void RevealedShare(this WireCheck wire, SecAggRevealedShare? share, string member)
    {
        wire.Present(share, member);
        wire.Site(share.Owner, member + ".Owner");
        wire.Bytes(share.Share, member + ".Share");
    }
}
