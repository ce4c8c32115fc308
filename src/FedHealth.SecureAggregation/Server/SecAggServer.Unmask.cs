using System.Collections.Concurrent;
using System.Security.Cryptography;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Crypto.KeyAgreement;
using FedHealth.Crypto.SecretSharing;
using FedHealth.SecureAggregation.Masking;
using FedHealth.SecureAggregation.Transcripts;

namespace FedHealth.SecureAggregation.Server;

public sealed partial class SecAggServer
{
    private static readonly int RevealedShareSize = ShamirSecretSharing.ShareSize(32);

    private SecAggReceipt OnUnmaskShares(SecAggUnmaskShares m)
    {
        if (!SameSession(m.SessionId))
        {
            return Invalid(m.Site, "missing or mismatched session id");
        }

        if (m.SelfMaskShares is null || m.MaskKeyShares is null)
        {
            return Invalid(m.Site, "missing share lists");
        }

        var owners = new HashSet<SiteId>();
        foreach (var (shares, survivorsOnly) in new[] { (m.SelfMaskShares, true), (m.MaskKeyShares, false) })
        {
            foreach (var share in shares)
            {
                var valid = share is not null
                    && _graph!.AreNeighbours(m.Site, share.Owner)
                    && _keySharers.Contains(share.Owner)
                    && _survivors.Contains(share.Owner) == survivorsOnly
                    && share.Share?.Length == RevealedShareSize
                    && owners.Add(share.Owner);
                if (!valid)
                {
                    return Invalid(m.Site, "a share of a site it may not reveal, twice, or of the wrong size");
                }
            }
        }

        var index = _shareIndex[m.Site];
        foreach (var share in m.SelfMaskShares)
        {
            SharesOf(_selfMaskShares, share.Owner).Add((index, share.Share));
        }

        foreach (var share in m.MaskKeyShares)
        {
            SharesOf(_maskKeyShares, share.Owner).Add((index, share.Share));
        }

        _awaited.Remove(m.Site);
        return SecAggReceipt.Accept;
    }

    private SecAggServerStep CloseUnmask()
    {
        var t = _parameters.Threshold;
        var survivors = _survivors.Order().ToList();
        var dropped = _keySharers.Where(s => !_survivors.Contains(s)).Order().ToList();
        foreach (var (owners, shares, what) in new[] { (survivors, _selfMaskShares, "self-mask seed"), (dropped, _maskKeyShares, "mask key") })
        {
            foreach (var owner in owners)
            {
                var count = shares.TryGetValue(owner, out var list) ? list.Count : 0;
                if (count < t)
                {
                    return Abort($"Only {count} shares of the {what} of {owner} arrived, fewer than the threshold {t}.");
                }
            }
        }

        var terms = new ConcurrentBag<(int Order, MaskTerm Term)>();
        var weights = new ConcurrentDictionary<string, ulong[]>();
        string? failure = null;
        var options = new ParallelOptions { MaxDegreeOfParallelism = _parallelism };

        // b_u for every survivor: its self mask was added, so subtract it.
        Parallel.For(0, survivors.Count, options, i =>
        {
            try
            {
                var seed = Reconstruct(_selfMaskShares[survivors[i]], weights);
                terms.Add((i, new MaskTerm(SecAggTranscripts.SelfMask(seed, _sessionId), Subtract: true)));
                CryptographicOperations.ZeroMemory(seed);
            }
            catch (CryptographicException e)
            {
                failure = $"The self-mask seed of {survivors[i]} cannot be rebuilt: {e.Message}";
            }
        });

        // The mask key of every site that shared keys and then dropped: recompute s_uv with each
        // surviving neighbour u and cancel what u added (u added PRG(s_uv) when its index is smaller).
        var pairs = dropped.SelectMany(v => Neighbours(v).Where(_survivors.Contains).Select(u => (v, u))).ToList();
        var keys = new ConcurrentDictionary<SiteId, X25519KeyPair>();
        Parallel.For(0, dropped.Count, options, i =>
        {
            var v = dropped[i];
            byte[] secret;
            try
            {
                secret = Reconstruct(_maskKeyShares[v], weights);
            }
            catch (CryptographicException e)
            {
                failure = $"The mask key of {v} cannot be rebuilt: {e.Message}";
                return;
            }

            var pair = X25519KeyPair.FromPrivateKey(secret);
            CryptographicOperations.ZeroMemory(secret);
            if (!pair.PublicKey.AsSpan().SequenceEqual(_keys[v].MaskPublicKey))
            {
                failure = $"The mask key of {v} rebuilt from its shares does not match its advertised key (a neighbour revealed a bad share).";
            }

            keys.TryAdd(v, pair);
        });

        if (failure is null)
        {
            Parallel.For(0, pairs.Count, options, i =>
            {
                var (v, u) = pairs[i];
                try
                {
                    var agreement = keys[v].Agree(_keys[u].MaskPublicKey);
                    terms.Add((survivors.Count + i, new MaskTerm(SecAggTranscripts.PairwiseMask(agreement, _sessionId), Subtract: _shareIndex[u] < _shareIndex[v])));
                    CryptographicOperations.ZeroMemory(agreement);
                }
                catch (CryptographicException e)
                {
                    failure = $"The mask key of {u} is unusable: {e.Message}";
                }
            });
        }

        foreach (var pair in keys.Values)
        {
            pair.Dispose();
        }

        var ordered = terms.OrderBy(x => x.Order).Select(x => x.Term).ToList();
        try
        {
            if (failure is not null)
            {
                return Abort(failure);
            }

            return SecAggServerStep.Completed(new SecAggRoundResult(Unmasked(ordered), survivors, Dropouts(), ordered.Count));
        }
        finally
        {
            foreach (var term in ordered)
            {
                term.Generator.Dispose();
            }
        }
    }

    private ulong[] Unmasked(List<MaskTerm> terms)
    {
        _finished = true;
        var bits = _parameters.ModulusBits;
        if (_sum32 is not null)
        {
            MaskKernel.Apply(_sum32, terms, _parallelism);
            MaskKernel.Reduce(_sum32, bits);
            var sum = new ulong[_sum32.Length];
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] = _sum32[i];
            }

            return sum;
        }

        MaskKernel.Apply(_sum64!, terms, _parallelism);
        MaskKernel.Reduce(_sum64, bits);
        return _sum64!;
    }

    private byte[] Reconstruct(List<(int Index, byte[] Share)> shares, ConcurrentDictionary<string, ulong[]> cache)
    {
        // Any t shares do; take the t lowest indices so that owners with the same surviving
        // holders reuse one set of Lagrange weights.
        var chosen = shares.OrderBy(s => s.Index).Take(_parameters.Threshold).ToList();
        var weights = cache.GetOrAdd(
            string.Join(',', chosen.Select(s => s.Index)),
            _ => ShamirSecretSharing.LagrangeWeightsAtZero(chosen.Select(s => s.Index).ToArray()));
        return ShamirSecretSharing.Combine([.. chosen.Select(s => new ShamirShare(s.Index, s.Share))], weights, 32);
    }

    private static List<(int Index, byte[] Share)> SharesOf(Dictionary<SiteId, List<(int Index, byte[] Share)>> all, SiteId owner)
    {
        if (!all.TryGetValue(owner, out var list))
        {
            list = [];
            all.Add(owner, list);
        }

        return list;
    }
}
