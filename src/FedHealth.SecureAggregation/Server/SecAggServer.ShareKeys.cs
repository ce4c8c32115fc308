using FedHealth.Core.Ids;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Crypto.Aead;
using FedHealth.Crypto.SecretSharing;

namespace FedHealth.SecureAggregation.Server;

public sealed partial class SecAggServer
{
    private static readonly int SealedShareSize = AesGcmAead.Overhead + (2 * ShamirSecretSharing.ShareSize(32));

    private SecAggReceipt OnShareKeys(SecAggShareKeys m)
    {
        if (!SameSession(m.SessionId))
        {
            return Invalid(m.Site, "missing or mismatched session id");
        }

        var neighbours = Neighbours(m.Site);
        if (m.Shares is null || m.Shares.Count != neighbours.Count)
        {
            return Invalid(m.Site, "not one share per neighbour");
        }

        var recipients = new HashSet<SiteId>();
        foreach (var share in m.Shares)
        {
            if (share is null || share.Sender != m.Site || !_graph!.AreNeighbours(m.Site, share.Recipient) || !recipients.Add(share.Recipient))
            {
                return Invalid(m.Site, "a share with the wrong sender or recipient");
            }

            if (share.Ciphertext?.Length != SealedShareSize)
            {
                return Invalid(m.Site, "a share of the wrong size");
            }
        }

        _awaited.Remove(m.Site);
        _shareKeys.Add(m.Site, m.Shares.ToDictionary(s => s.Recipient));
        return SecAggReceipt.Accept;
    }

    private SecAggServerStep CloseShareKeys()
    {
        // A site with fewer than t neighbours that shared keys could never be unmasked: leave it out
        // now (nobody will mask with it), and repeat, since leaving it out may starve another.
        var sharers = new HashSet<SiteId>(_shareKeys.Keys);
        var t = _parameters.Threshold;
        bool changed;
        do
        {
            changed = false;
            foreach (var site in sharers.Order().ToList())
            {
                if (CountNeighboursIn(site, sharers) < t)
                {
                    sharers.Remove(site);
                    Drop(site, $"left out: fewer than {t} of its neighbours shared keys");
                    changed = true;
                }
            }
        }
        while (changed);

        if (sharers.Count == 0)
        {
            return Abort($"No site kept {t} neighbours through key sharing.");
        }

        _keySharers = sharers;
        var outgoing = new List<SecAggOutgoing>(sharers.Count);
        foreach (var v in sharers.Order())
        {
            var forwarded = Neighbours(v).Where(sharers.Contains).Select(u => _shareKeys[u][v]).ToList();
            outgoing.Add(new SecAggOutgoing(v, new SecAggForwardedShares(_study, _round, v, (byte[])_sessionId.Clone(), forwarded)));
        }

        if (_parameters.BytesPerElement == 4)
        {
            _sum32 = new uint[_vectorLength];
        }
        else
        {
            _sum64 = new ulong[_vectorLength];
        }

        Stage = SecAggStage.MaskedInput;
        _awaited.UnionWith(sharers);
        return SecAggServerStep.Send(outgoing);
    }
}
