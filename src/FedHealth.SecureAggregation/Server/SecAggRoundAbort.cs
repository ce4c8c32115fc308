using FedHealth.Core.Protocol.SecureAggregation;

namespace FedHealth.SecureAggregation.Server;

/// <summary>
/// An aborted session: no sum, and the reason. When <see cref="Stage"/> is before
/// <see cref="SecAggStage.Unmask"/>, no site revealed any share.
/// </summary>
public sealed record SecAggRoundAbort(SecAggStage Stage, string Reason, IReadOnlyList<SecAggDropout> Dropouts);
