using FedHealth.Core.Ids;

namespace FedHealth.Training.Data;

/// <summary>A site's row counts and outcome prevalence, for logs and reports (no patient data).</summary>
public sealed record SiteSummary(SiteId Site, int TrainRows, int TestRows, double TrainPrevalence, double TestPrevalence);
