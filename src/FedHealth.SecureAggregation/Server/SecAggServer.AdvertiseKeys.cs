using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Crypto.KeyAgreement;
using FedHealth.Crypto.Signatures;
using FedHealth.SecureAggregation.Graph;
using FedHealth.SecureAggregation.Transcripts;

namespace FedHealth.SecureAggregation.Server;

public sealed partial class SecAggServer
{
    private SecAggReceipt OnAdvertiseKeys(SecAggAdvertiseKeys m)
    {
        if (m.CipherPublicKey?.Length != X25519KeyPair.KeySize || m.MaskPublicKey?.Length != X25519KeyPair.KeySize)
        {
            return Invalid(m.Site, "public keys of the wrong size");
        }

        if (m.Signature is null
            || !Ed25519Verifier.Verify(_enrolledKeys[m.Site], SecAggTranscripts.AdvertisedKeys(_setupHash, m.Site, m.CipherPublicKey, m.MaskPublicKey), m.Signature))
        {
            return Invalid(m.Site, "keys not signed by the site's enrolled key");
        }

        _awaited.Remove(m.Site);
        _keys.Add(m.Site, m);
        return SecAggReceipt.Accept;
    }

    private SecAggServerStep CloseAdvertiseKeys()
    {
        var t = _parameters.Threshold;
        if (_keys.Count < t + 1)
        {
            return Abort($"{_keys.Count} sites advertised keys; a threshold of {t} needs at least {t + 1}.");
        }

        _sessionId = SecAggTranscripts.SessionId(_setupHash, _keys.Values);
        _graph = NeighbourGraph.Create(_keys.Keys, _parameters.Neighbours, SecAggTranscripts.GraphKey(Setup.GraphSeed, _sessionId));
        _shareIndex = _keys.Keys.Order().Select((site, i) => (site, i)).ToDictionary(x => x.site, x => x.i + 1);
        var broadcast = new SecAggKeysBroadcast(_study, _round, [.. _keys.Values.OrderBy(k => k.Site)]);
        Stage = SecAggStage.ShareKeys;
        _awaited.UnionWith(_keys.Keys);
        return SecAggServerStep.Send([.. _keys.Keys.Order().Select(s => new SecAggOutgoing(s, broadcast))]);
    }
}
