using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;

namespace FedHealth.SecureAggregation.Server;

/// <summary>A message the coordinator must deliver to one site.</summary>
public sealed record SecAggOutgoing(SiteId To, IRoundMessage Message);
