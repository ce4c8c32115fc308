using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Crypto.KeyAgreement;
using FedHealth.SecureAggregation.Errors;
using FedHealth.SecureAggregation.Parameters;
using FedHealth.SecureAggregation.Transcripts;

namespace FedHealth.SecureAggregation.Client;

public sealed partial class SecAggClient
{
    /// <summary>
    /// Stage 1: checks the session setup against this site's policy, draws two fresh X25519 key
    /// pairs and returns their public keys signed with the site's long-term key.
    /// </summary>
    public SecAggAdvertiseKeys AdvertiseKeys(SecAggSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        const SecAggStage stage = SecAggStage.AdvertiseKeys;
        Expect(ClientState.AwaitingSetup, stage, setup.Round, setup.Study);
        CheckParticipants(setup, stage);
        _parameters = CheckParameters(setup, stage);
        _setup = setup;
        _setupHash = SecAggTranscripts.SetupHash(setup);
        _cipherKey = X25519KeyPair.Generate();
        _maskKey = X25519KeyPair.Generate();
        var cipherPublic = (byte[])_cipherKey.PublicKey.Clone();
        var maskPublic = (byte[])_maskKey.PublicKey.Clone();
        var signature = _siteKey.Sign(SecAggTranscripts.AdvertisedKeys(_setupHash, _self, cipherPublic, maskPublic));
        _advertised = new SecAggAdvertiseKeys(_study, _round, _self, cipherPublic, maskPublic, signature);
        _state = ClientState.AwaitingKeys;
        return _advertised with
        {
            CipherPublicKey = (byte[])cipherPublic.Clone(),
            MaskPublicKey = (byte[])maskPublic.Clone(),
            Signature = (byte[])signature.Clone(),
        };
    }

    private void CheckParticipants(SecAggSetup setup, SecAggStage stage)
    {
        if (setup.Participants is null)
        {
            throw Fail(SecAggGuard.UnacceptableParameters, stage, "The setup lists no participants.");
        }

        var set = new HashSet<Core.Ids.SiteId>();
        foreach (var site in setup.Participants)
        {
            if (!set.Add(site))
            {
                throw Fail(SecAggGuard.DuplicateSite, stage, $"Site {site} is listed twice.");
            }

            if (!_enrolledKeys.ContainsKey(site))
            {
                throw Fail(SecAggGuard.UnknownSite, stage, $"Site {site} is not enrolled in the study.");
            }
        }

        if (!set.Contains(_self))
        {
            throw Fail(SecAggGuard.NotAParticipant, stage, "This site is not among the participants.");
        }

        _participants = set;
    }

    private SecAggParameters CheckParameters(SecAggSetup setup, SecAggStage stage)
    {
        var n = setup.Participants.Count;
        if (n < Math.Max(_policy.MinimumSites, SecAggParameterChooser.MinimumSites))
        {
            throw Fail(SecAggGuard.UnacceptableParameters, stage, $"{n} sites are fewer than this site's minimum of {_policy.MinimumSites}.");
        }

        if (setup.VectorLength < 1 || setup.GraphSeed is null || setup.GraphSeed.Length != 32)
        {
            throw Fail(SecAggGuard.UnacceptableParameters, stage, "The setup has no vector length or no 256-bit graph seed.");
        }

        SecAggParameters parameters;
        try
        {
            parameters = new SecAggParameters(setup.Neighbours, setup.Threshold, setup.ModulusBits);
        }
        catch (SecureAggregationConfigurationException e)
        {
            throw Fail(SecAggGuard.UnacceptableParameters, stage, e.Message);
        }

        if (parameters.Neighbours < n - 1 && parameters.Neighbours % 2 != 0)
        {
            throw Fail(SecAggGuard.UnacceptableParameters, stage, $"A sparse graph needs an even number of neighbours, not {parameters.Neighbours}.");
        }

        var bits = SecAggParameterChooser.CollusionBits(n, parameters.Neighbours, parameters.Threshold, _policy.AssumedCorruptFraction);
        if (bits < _policy.MinimumCollusionBits)
        {
            throw Fail(
                SecAggGuard.UnacceptableParameters,
                stage,
                $"k = {parameters.Neighbours}, t = {parameters.Threshold} give {bits:F1} bits against {_policy.AssumedCorruptFraction:P0} corrupt sites; this site requires {_policy.MinimumCollusionBits}.");
        }

        return parameters;
    }
}
