using FedHealth.Core.Ids;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.SecureAggregation.Errors;
using FedHealth.SecureAggregation.Transcripts;

namespace FedHealth.SecureAggregation.Client;

public sealed partial class SecAggClient
{
    /// <summary>
    /// Stage 4 (consistency check): checks the survivor list — no duplicates, no unknown sites,
    /// this site not treated as dropped, no neighbour that never shared keys, at least t surviving
    /// neighbours — and signs it, so that neighbours can check they all saw the same list.
    /// </summary>
    public SecAggSurvivorsSignature ConfirmSurvivors(SecAggSurvivors survivors)
    {
        ArgumentNullException.ThrowIfNull(survivors);
        const SecAggStage stage = SecAggStage.ConsistencyCheck;
        Expect(ClientState.AwaitingSurvivors, stage, survivors.Round, survivors.Study);
        ExpectSession(survivors.SessionId, stage);
        if (survivors.Survivors is null)
        {
            throw Fail(SecAggGuard.TooFewSurvivors, stage, "The survivor list is missing.");
        }

        var set = new HashSet<SiteId>();
        foreach (var site in survivors.Survivors)
        {
            if (!set.Add(site))
            {
                throw Fail(SecAggGuard.DuplicateSite, stage, $"Site {site} is listed twice as a survivor.");
            }

            if (!_keys.ContainsKey(site))
            {
                throw Fail(SecAggGuard.UnknownSite, stage, $"Survivor {site} is not part of this session.");
            }

            if (_neighbours.Contains(site) && !_held.ContainsKey(site))
            {
                throw Fail(SecAggGuard.InconsistentSurvivors, stage, $"Survivor {site} is a neighbour that never shared keys with this site.");
            }
        }

        if (!set.Contains(_self))
        {
            throw Fail(SecAggGuard.SelfListedAsDropped, stage, "The survivor list treats this site as dropped.");
        }

        var t = _parameters!.Threshold;
        var survivingNeighbours = _held.Keys.Count(set.Contains);
        if (set.Count < t || survivingNeighbours < t)
        {
            throw Fail(SecAggGuard.TooFewSurvivors, stage, $"{survivingNeighbours} neighbours survived; the threshold is {t}.");
        }

        _survivors = set;
        _survivorsMessage = SecAggTranscripts.Survivors(_study, _round, _sessionId, [.. set.Order()]);
        _state = ClientState.AwaitingUnmaskRequest;
        return new SecAggSurvivorsSignature(_study, _round, _self, (byte[])_sessionId.Clone(), _siteKey.Sign(_survivorsMessage));
    }
}
