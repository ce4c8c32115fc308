using FedHealth.Core.Ids;
using FedHealth.Privacy.Accounting;

namespace FedHealth.Privacy.Ledger;

/// <summary>
/// What one round spent in one scope: the whole RDP curve (so rounds of different mechanisms
/// compose exactly) and the parameters that produced it. Record-level entries name their site;
/// site-level entries do not.
/// </summary>
public sealed record LedgerEntry(int Round, PrivacyScope Scope, SiteId? Site, MechanismParameters Mechanism, RdpCurve Rdp)
{
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Round);
        ArgumentNullException.ThrowIfNull(Mechanism);
        ArgumentNullException.ThrowIfNull(Rdp);
        if (Scope == PrivacyScope.Record && (Site is null || string.IsNullOrEmpty(Site.Value.Value)))
        {
            throw new ArgumentException("A record-level entry must name its site.", nameof(Site));
        }

        if (Scope == PrivacyScope.Site && Site is not null)
        {
            throw new ArgumentException("A site-level entry is per study and names no site.", nameof(Site));
        }

        if (!Enum.IsDefined(Scope))
        {
            throw new ArgumentOutOfRangeException(nameof(Scope), Scope, "Unknown privacy scope.");
        }
    }
}
