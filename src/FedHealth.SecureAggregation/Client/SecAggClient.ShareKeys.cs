using System.Security.Cryptography;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Crypto.Aead;
using FedHealth.Crypto.KeyAgreement;
using FedHealth.Crypto.Randomness;
using FedHealth.Crypto.SecretSharing;
using FedHealth.Crypto.Signatures;
using FedHealth.SecureAggregation.Errors;
using FedHealth.SecureAggregation.Graph;
using FedHealth.SecureAggregation.Transcripts;

namespace FedHealth.SecureAggregation.Client;

public sealed partial class SecAggClient
{
    /// <summary>
    /// Stage 2: checks the advertised keys (sizes, this site's own keys unaltered, every
    /// neighbour's signature), derives the session id and the neighbour graph, draws the self-mask
    /// seed b, and returns t-of-k shares of b and of the mask key, one AES-256-GCM box per neighbour.
    /// </summary>
    public SecAggShareKeys ShareKeys(SecAggKeysBroadcast broadcast)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        const SecAggStage stage = SecAggStage.ShareKeys;
        Expect(ClientState.AwaitingKeys, stage, broadcast.Round, broadcast.Study);
        var keys = CheckKeys(broadcast, stage);
        var t = _parameters!.Threshold;
        if (keys.Count < t + 1)
        {
            throw Fail(SecAggGuard.TooFewNeighbours, stage, $"Only {keys.Count} sites advertised keys; a threshold of {t} needs {t + 1}.");
        }

        _keys = keys;
        _sessionId = SecAggTranscripts.SessionId(_setupHash, keys.Values);
        _graph = NeighbourGraph.Create(keys.Keys, _parameters.Neighbours, SecAggTranscripts.GraphKey(_setup!.GraphSeed, _sessionId));
        var neighbours = _graph.NeighboursOf(_self);
        if (neighbours.Count < t)
        {
            throw Fail(SecAggGuard.TooFewNeighbours, stage, $"This site has {neighbours.Count} neighbours, fewer than the threshold {t}.");
        }

        foreach (var v in neighbours)
        {
            var k = keys[v];
            if (!Ed25519Verifier.Verify(_enrolledKeys[v], SecAggTranscripts.AdvertisedKeys(_setupHash, v, k.CipherPublicKey, k.MaskPublicKey), k.Signature))
            {
                throw Fail(SecAggGuard.InvalidSignature, stage, $"The keys of neighbour {v} are not signed by its enrolled site key.");
            }
        }

        _neighbours = [.. neighbours];
        var sorted = keys.Keys.Order().ToList();
        _shareIndex = sorted.Select((site, i) => (site, i)).ToDictionary(x => x.site, x => x.i + 1);
        _selfMaskSeed = CryptoRandom.Seed();
        var indices = neighbours.Select(v => _shareIndex[v]).ToArray();
        var maskSecret = _maskKey!.ExportPrivateKey();
        ShamirShare[] seedShares, keyShares;
        try
        {
            seedShares = ShamirSecretSharing.Split(_selfMaskSeed, t, indices);
            keyShares = ShamirSecretSharing.Split(maskSecret, t, indices);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(maskSecret);
        }

        var boxes = new List<SecAggEncryptedShare>(neighbours.Count);
        for (var i = 0; i < neighbours.Count; i++)
        {
            var v = neighbours[i];
            var plaintext = new byte[seedShares[i].Value.Length + keyShares[i].Value.Length];
            seedShares[i].Value.CopyTo(plaintext, 0);
            keyShares[i].Value.CopyTo(plaintext, seedShares[i].Value.Length);
            var key = ShareKeyWith(v, stage);
            boxes.Add(new SecAggEncryptedShare(
                _self, v, AesGcmAead.Seal(key, plaintext, SecAggTranscripts.ShareAssociatedData(_study, _round, _sessionId, _self, v))));
            CryptographicOperations.ZeroMemory(plaintext);
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(seedShares[i].Value);
            CryptographicOperations.ZeroMemory(keyShares[i].Value);
        }

        _state = ClientState.AwaitingShares;
        return new SecAggShareKeys(_study, _round, _self, (byte[])_sessionId.Clone(), boxes);
    }

    private Dictionary<SiteId, SecAggAdvertiseKeys> CheckKeys(SecAggKeysBroadcast broadcast, SecAggStage stage)
    {
        if (broadcast.Keys is null)
        {
            throw Fail(SecAggGuard.SelfListedAsDropped, stage, "The broadcast lists no keys.");
        }

        var keys = new Dictionary<SiteId, SecAggAdvertiseKeys>();
        foreach (var k in broadcast.Keys)
        {
            if (k is null)
            {
                throw Fail(SecAggGuard.InvalidKey, stage, "The broadcast holds an empty entry.");
            }

            if (k.Study != _study || k.Round != _round)
            {
                throw Fail(SecAggGuard.WrongStudyOrRound, stage, $"The keys of {k.Site} belong to study {k.Study} round {k.Round}.");
            }

            if (!_participants.Contains(k.Site))
            {
                throw Fail(SecAggGuard.UnknownSite, stage, $"Site {k.Site} is not a participant of this session.");
            }

            if (!keys.TryAdd(k.Site, k))
            {
                throw Fail(SecAggGuard.DuplicateSite, stage, $"Site {k.Site} advertised keys twice.");
            }

            if (k.CipherPublicKey?.Length != X25519KeyPair.KeySize || k.MaskPublicKey?.Length != X25519KeyPair.KeySize)
            {
                throw Fail(SecAggGuard.InvalidKey, stage, $"The keys of {k.Site} are not {X25519KeyPair.KeySize} bytes each.");
            }

            if (k.Signature?.Length != Ed25519SigningKey.SignatureSize)
            {
                throw Fail(SecAggGuard.InvalidSignature, stage, $"The keys of {k.Site} carry no signature.");
            }
        }

        if (!keys.TryGetValue(_self, out var own))
        {
            throw Fail(SecAggGuard.SelfListedAsDropped, stage, "The broadcast leaves out this site's own keys.");
        }

        if (!own.CipherPublicKey.AsSpan().SequenceEqual(_advertised!.CipherPublicKey)
            || !own.MaskPublicKey.AsSpan().SequenceEqual(_advertised.MaskPublicKey)
            || !own.Signature.AsSpan().SequenceEqual(_advertised.Signature))
        {
            throw Fail(SecAggGuard.KeysAltered, stage, "The broadcast altered this site's own keys.");
        }

        return keys;
    }

    private byte[] ShareKeyWith(SiteId neighbour, SecAggStage stage)
    {
        byte[] agreement;
        try
        {
            agreement = _cipherKey!.Agree(_keys[neighbour].CipherPublicKey);
        }
        catch (CryptographicException e)
        {
            throw Fail(SecAggGuard.InvalidKey, stage, $"The encryption key of {neighbour} is unusable: {e.Message}");
        }

        try
        {
            return SecAggTranscripts.ShareKey(agreement, _sessionId);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(agreement);
        }
    }
}
