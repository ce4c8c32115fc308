using FedHealth.Core.Ids;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.Crypto.Signatures;
using FedHealth.SecureAggregation.Errors;
using FedHealth.SecureAggregation.Transcripts;

namespace FedHealth.SecureAggregation.Client;

public sealed partial class SecAggClient
{
    /// <summary>
    /// Stage 5: once at least t neighbours have signed the very survivor list this site signed,
    /// reveals the self-mask-seed share of each surviving neighbour and the mask-key share of each
    /// dropped one — never both for one neighbour — and finishes.
    /// </summary>
    public SecAggUnmaskShares Unmask(SecAggUnmaskRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        const SecAggStage stage = SecAggStage.Unmask;
        Expect(ClientState.AwaitingUnmaskRequest, stage, request.Round, request.Study);
        if (request.Recipient != _self)
        {
            throw Fail(SecAggGuard.WrongRecipient, stage, $"The request is addressed to {request.Recipient}.");
        }

        ExpectSession(request.SessionId, stage);
        CheckConsistency(request, stage);
        CheckMaskSets(request, stage);

        var selfMaskShares = new List<SecAggRevealedShare>();
        var maskKeyShares = new List<SecAggRevealedShare>();
        foreach (var (owner, secrets) in _held.OrderBy(h => h.Key))
        {
            var survived = _survivors.Contains(owner);
            var kind = survived ? RevealLedger.RevealKind.SelfMaskSeed : RevealLedger.RevealKind.MaskKey;
            if (!_ledger.TryReveal(owner, kind))
            {
                throw Fail(SecAggGuard.BothSharesRequested, stage, $"Both secrets of {owner} were requested.");
            }

            if (survived)
            {
                selfMaskShares.Add(new SecAggRevealedShare(owner, (byte[])secrets.SelfMaskSeedShare.Clone()));
            }
            else
            {
                maskKeyShares.Add(new SecAggRevealedShare(owner, (byte[])secrets.MaskKeyShare.Clone()));
            }
        }

        _state = ClientState.Finished;
        Wipe();
        return new SecAggUnmaskShares(_study, _round, _self, (byte[])_sessionId.Clone(), selfMaskShares, maskKeyShares);
    }

    /// <summary>
    /// This site reveals a share of a surviving neighbour's b only if that neighbour signed that it
    /// masked with this site: the pairwise mask between them then stays in the sum, so b alone
    /// cannot unmask the neighbour's input.
    /// </summary>
    private void CheckMaskSets(SecAggUnmaskRequest request, SecAggStage stage)
    {
        var sets = new Dictionary<SiteId, SecAggMaskSet>();
        foreach (var set in request.MaskSets ?? [])
        {
            if (set is null || !_held.ContainsKey(set.Site) || !_survivors.Contains(set.Site))
            {
                throw Fail(SecAggGuard.MaskSetMismatch, stage, "A mask set of a site that is not a surviving neighbour holding shares with this site.");
            }

            if (!sets.TryAdd(set.Site, set))
            {
                throw Fail(SecAggGuard.DuplicateSite, stage, $"Two mask sets of {set.Site}.");
            }

            var sorted = set.MaskedWith?.Order().ToList() ?? [];
            if (set.MaskedWith is null
                || !sorted.SequenceEqual(set.MaskedWith)
                || set.Signature is null
                || !Ed25519Verifier.Verify(_enrolledKeys[set.Site], SecAggTranscripts.MaskSet(_study, _round, _sessionId, set.Site, sorted), set.Signature))
            {
                throw Fail(SecAggGuard.InvalidSignature, stage, $"The mask set of {set.Site} is not signed by its site key.");
            }

            if (!sorted.Contains(_self))
            {
                throw Fail(SecAggGuard.MaskSetMismatch, stage, $"Survivor {set.Site} did not mask with this site.");
            }
        }

        foreach (var owner in _held.Keys.Where(_survivors.Contains))
        {
            if (!sets.ContainsKey(owner))
            {
                throw Fail(SecAggGuard.MaskSetMismatch, stage, $"The mask set of surviving neighbour {owner} is missing.");
            }
        }
    }

    private void CheckConsistency(SecAggUnmaskRequest request, SecAggStage stage)
    {
        if (request.Signatures is null)
        {
            throw Fail(SecAggGuard.ConsistencyCheckFailed, stage, "No neighbour signed the survivor list.");
        }

        var signers = new HashSet<SiteId>();
        foreach (var s in request.Signatures)
        {
            if (s is null)
            {
                throw Fail(SecAggGuard.InvalidSignature, stage, "An empty signature entry.");
            }

            if (s.Study != _study || s.Round != _round)
            {
                throw Fail(SecAggGuard.WrongStudyOrRound, stage, $"The signature of {s.Site} belongs to study {s.Study} round {s.Round}.");
            }

            ExpectSession(s.SessionId, stage);
            if (!_keys.ContainsKey(s.Site))
            {
                throw Fail(SecAggGuard.UnknownSite, stage, $"Signer {s.Site} is not part of this session.");
            }

            if (!_neighbours.Contains(s.Site))
            {
                throw Fail(SecAggGuard.NotANeighbour, stage, $"Signer {s.Site} is not a neighbour of this site.");
            }

            if (!_survivors.Contains(s.Site))
            {
                throw Fail(SecAggGuard.InconsistentSurvivors, stage, $"Signer {s.Site} is not on the survivor list.");
            }

            if (!signers.Add(s.Site))
            {
                throw Fail(SecAggGuard.DuplicateSite, stage, $"Site {s.Site} signed twice.");
            }

            if (s.Signature is null || !Ed25519Verifier.Verify(_enrolledKeys[s.Site], _survivorsMessage, s.Signature))
            {
                throw Fail(SecAggGuard.InvalidSignature, stage, $"The signature of {s.Site} is not over the survivor list this site saw.");
            }
        }

        var t = _parameters!.Threshold;
        if (signers.Count < t)
        {
            throw Fail(SecAggGuard.ConsistencyCheckFailed, stage, $"Only {signers.Count} neighbours signed the same survivor list; the threshold is {t}.");
        }
    }
}
