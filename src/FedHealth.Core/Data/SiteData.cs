using FedHealth.Core.Ids;

namespace FedHealth.Core.Data;

/// <summary>One site's local training and test rows.</summary>
public sealed record SiteData(SiteId Site, TabularData Train, TabularData Test);
