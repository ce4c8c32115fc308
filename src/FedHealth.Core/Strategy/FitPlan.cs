using FedHealth.Core.Ids;
using FedHealth.Core.Training;

namespace FedHealth.Core.Strategy;

/// <summary>Which sites train in a round and with what configuration.</summary>
public sealed record FitPlan(IReadOnlyList<SiteId> Sites, FitConfig Config);
