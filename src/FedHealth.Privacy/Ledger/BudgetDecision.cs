using FedHealth.Core.Ids;

namespace FedHealth.Privacy.Ledger;

/// <summary>
/// The answer to "may this round start?", with the numbers: the cumulative ε each scope would reach
/// after the round (the record-level one is the worst site's), and a sentence for logs and reports.
/// </summary>
public sealed record BudgetDecision(
    bool Allowed,
    double? ProjectedSiteEpsilon,
    double? ProjectedRecordEpsilon,
    SiteId? WorstSite,
    PrivacyBudget Budget,
    string Reason);
