using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Crypto.Signatures;
using FedHealth.SecureAggregation.Masking;
using FedHealth.SecureAggregation.Transcripts;

namespace FedHealth.SecureAggregation.Server;

public sealed partial class SecAggServer
{
    private SecAggReceipt OnMaskedInput(SecAggMaskedInput m)
    {
        if (!SameSession(m.SessionId))
        {
            return Invalid(m.Site, "missing or mismatched session id");
        }

        if (m.MaskedVector?.Length != _vectorLength * _parameters.BytesPerElement)
        {
            return Invalid(m.Site, "a masked vector of the wrong size");
        }

        // The site masked with exactly the neighbours whose shares it was forwarded, and signed that.
        var maskedWith = Neighbours(m.Site).Where(_keySharers.Contains).ToList();
        if (m.MaskedWith is null || !m.MaskedWith.SequenceEqual(maskedWith))
        {
            return Invalid(m.Site, "a mask set that differs from the neighbours it was sent shares from");
        }

        if (m.MaskSetSignature is null
            || !Ed25519Verifier.Verify(_enrolledKeys[m.Site], SecAggTranscripts.MaskSet(_study, _round, _sessionId, m.Site, maskedWith), m.MaskSetSignature))
        {
            return Invalid(m.Site, "a mask set not signed by the site's enrolled key");
        }

        // Sum on arrival: the coordinator never needs to keep any one masked vector.
        if (_sum32 is not null)
        {
            MaskKernel.Add(_sum32, m.MaskedVector, _parallelism);
        }
        else
        {
            MaskKernel.Add(_sum64!, m.MaskedVector, _parallelism);
        }

        _awaited.Remove(m.Site);
        _survivors.Add(m.Site);
        _maskSets.Add(m.Site, new SecAggMaskSet(m.Site, maskedWith, m.MaskSetSignature));
        return SecAggReceipt.Accept;
    }

    private SecAggServerStep CloseMaskedInput()
    {
        // Unmasking needs t surviving neighbours around every survivor (for its b) and around
        // every site that shared keys and then dropped (for its mask key). Check before anyone
        // reveals anything.
        var t = _parameters.Threshold;
        if (_survivors.Count == 0)
        {
            return Abort("No masked input arrived.");
        }

        foreach (var site in _keySharers.Order())
        {
            var surviving = CountNeighboursIn(site, _survivors);
            if (surviving < t)
            {
                return Abort($"Site {site} kept {surviving} surviving neighbours, fewer than the threshold {t}; nothing was revealed.");
            }
        }

        var sorted = _survivors.Order().ToList();
        _survivorsMessage = SecAggTranscripts.Survivors(_study, _round, _sessionId, sorted);
        var message = new SecAggSurvivors(_study, _round, (byte[])_sessionId.Clone(), sorted);
        Stage = SecAggStage.ConsistencyCheck;
        _awaited.UnionWith(_survivors);
        return SecAggServerStep.Send([.. sorted.Select(s => new SecAggOutgoing(s, message))]);
    }
}
