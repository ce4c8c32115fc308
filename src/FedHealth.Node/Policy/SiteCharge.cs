using FedHealth.Core.Ids;
using FedHealth.Privacy.Accounting;

namespace FedHealth.Node.Policy;

/// <summary>One training round charged to a site's own ledger: the DP-SGD parameters it was asked for and its RDP cost.</summary>
/// <param name="Epsilon">The round's own ε at the site's δ (for display; composition uses <see cref="Cost"/>).</param>
public sealed record SiteCharge(
    StudyId Study, int Round, long Steps, double NoiseMultiplier, double SamplingRate, double Epsilon, RdpCurve Cost, DateTimeOffset At);
