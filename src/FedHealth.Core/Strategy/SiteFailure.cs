using FedHealth.Core.Ids;

namespace FedHealth.Core.Strategy;

/// <summary>A site that was asked to take part in a stage and did not deliver, and why.</summary>
public sealed record SiteFailure(SiteId Site, string Stage, string Reason);
