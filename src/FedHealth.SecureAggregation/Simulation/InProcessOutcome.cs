using FedHealth.Core.Ids;
using FedHealth.SecureAggregation.Errors;
using FedHealth.SecureAggregation.Server;

namespace FedHealth.SecureAggregation.Simulation;

/// <summary>
/// How an in-process session ended, with the time the coordinator and each site spent in protocol
/// code, each site's upload, and the guards that fired at sites.
/// </summary>
public sealed record InProcessOutcome(
    SecAggRoundResult? Result,
    SecAggRoundAbort? Abort,
    TimeSpan ServerTime,
    IReadOnlyDictionary<SiteId, TimeSpan> ClientTime,
    IReadOnlyDictionary<SiteId, long> UploadBytes,
    IReadOnlyList<SecureAggregationAbortedException> SiteAborts);
