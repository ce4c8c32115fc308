using FedHealth.Core.Ids;

namespace FedHealth.Coordinator.Aggregation;

/// <summary>
/// Fairness across sites: the released sites' figures, worst vs best site by accuracy and by AUC
/// (null when fewer than one site has the figure), and the sites suppressed for having fewer test
/// patients than <see cref="MinimumCount"/>.
/// </summary>
public sealed record SiteFairnessSummary(
    int MinimumCount,
    IReadOnlyList<SiteFigures> Sites,
    SiteExtreme? Accuracy,
    SiteExtreme? Auc,
    IReadOnlyList<SiteId> Suppressed);
