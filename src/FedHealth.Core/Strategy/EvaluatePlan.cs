using FedHealth.Core.Ids;

namespace FedHealth.Core.Strategy;

/// <summary>Which sites evaluate the new global model.</summary>
public sealed record EvaluatePlan(IReadOnlyList<SiteId> Sites);
