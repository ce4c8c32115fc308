using FedHealth.Core.Ids;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Crypto.Signatures;

namespace FedHealth.SecureAggregation.Server;

public sealed partial class SecAggServer
{
    private SecAggReceipt OnSurvivorsSignature(SecAggSurvivorsSignature m)
    {
        if (!SameSession(m.SessionId))
        {
            return Invalid(m.Site, "missing or mismatched session id");
        }

        if (m.Signature is null || !Ed25519Verifier.Verify(_enrolledKeys[m.Site], _survivorsMessage, m.Signature))
        {
            return Invalid(m.Site, "a signature that is not over the survivor list");
        }

        _awaited.Remove(m.Site);
        _signatures.Add(m.Site, m);
        return SecAggReceipt.Accept;
    }

    private SecAggServerStep CloseConsistencyCheck()
    {
        var t = _parameters.Threshold;
        var signers = new HashSet<SiteId>(_signatures.Keys);

        // A survivor unmasks only when t of its neighbours signed the same list: ask only those.
        var revealers = new HashSet<SiteId>();
        foreach (var site in signers.Order())
        {
            if (CountNeighboursIn(site, signers) >= t)
            {
                revealers.Add(site);
            }
            else
            {
                Drop(site, $"fewer than {t} of its neighbours signed the survivor list");
            }
        }

        foreach (var owner in _keySharers.Order())
        {
            var holders = CountNeighboursIn(owner, revealers);
            if (holders < t)
            {
                return Abort($"Only {holders} neighbours of {owner} can reveal its shares, fewer than the threshold {t}; nothing was revealed.");
            }
        }

        var outgoing = new List<SecAggOutgoing>(revealers.Count);
        foreach (var site in revealers.Order())
        {
            var signatures = Neighbours(site).Where(signers.Contains).Select(s => _signatures[s]).ToList();
            var maskSets = Neighbours(site).Where(_survivors.Contains).Select(s => _maskSets[s]).ToList();
            outgoing.Add(new SecAggOutgoing(site, new SecAggUnmaskRequest(_study, _round, site, (byte[])_sessionId.Clone(), signatures, maskSets)));
        }

        Stage = SecAggStage.Unmask;
        _awaited.UnionWith(revealers);
        return SecAggServerStep.Send(outgoing);
    }
}
