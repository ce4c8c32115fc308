using FedHealth.Core.Ids;
using FedHealth.Core.Protocol.SecureAggregation;

namespace FedHealth.SecureAggregation.Server;

/// <summary>A site that stopped taking part, the stage whose message it did not deliver, and why.</summary>
public sealed record SecAggDropout(SiteId Site, SecAggStage Stage, string Reason);
