using FedHealth.Core.Ids;
using FedHealth.Privacy.Accounting;

namespace FedHealth.Node.Policy;

/// <summary>A site's own record of the privacy loss spent on its patients; a charge is durable when <see cref="Charge"/> returns.</summary>
public interface ISitePrivacyLedger
{
    /// <summary>The composed RDP cost of every round charged in <paramref name="study"/> (zero if none).</summary>
    RdpCurve StudySpent(StudyId study);

    /// <summary>The composed RDP cost of every round charged in every study.</summary>
    RdpCurve TotalSpent();

    void Charge(SiteCharge charge);

    IReadOnlyList<SiteCharge> Charges();
}
