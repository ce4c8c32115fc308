using FedHealth.Core.Ids;

namespace FedHealth.Coordinator.Aggregation;

/// <summary>One site's released evaluation figures: test patients, accuracy, AUC and 10-bin ECE (from its own histogram).</summary>
public sealed record SiteFigures(SiteId Site, int NumExamples, double Accuracy, double Auc, double Ece10);
