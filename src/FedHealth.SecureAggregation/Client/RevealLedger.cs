using FedHealth.Core.Ids;

namespace FedHealth.SecureAggregation.Client;

/// <summary>
/// Records which secret of each neighbour this site has revealed, and refuses to reveal the other
/// one: with b_v and the mask key of v, a coordinator could unmask v's input on its own.
/// </summary>
internal sealed class RevealLedger
{
    private readonly Dictionary<SiteId, RevealKind> _revealed = [];

    public enum RevealKind
    {
        SelfMaskSeed,
        MaskKey,
    }

    /// <summary>False (and nothing recorded) when the other secret of <paramref name="owner"/> was already revealed.</summary>
    public bool TryReveal(SiteId owner, RevealKind kind)
    {
        if (_revealed.TryGetValue(owner, out var previous))
        {
            return previous == kind;
        }

        _revealed.Add(owner, kind);
        return true;
    }
}
