using FedHealth.Core.Ids;
using FedHealth.Core.Protocol.SecureAggregation;

namespace FedHealth.SecureAggregation.Errors;

/// <summary>
/// A site refused to continue a session because <see cref="Guard"/> fired. The client is then
/// finished: it answers nothing more in this session and has wiped its secrets. The message
/// names no key material and no data.
/// </summary>
public sealed class SecureAggregationAbortedException : Exception
{
    public SecureAggregationAbortedException()
    {
    }

    public SecureAggregationAbortedException(string message)
        : base(message)
    {
    }

    public SecureAggregationAbortedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SecureAggregationAbortedException(SecAggGuard guard, SecAggStage stage, string message)
        : base($"{guard} at {stage}: {message}")
    {
        Guard = guard;
        Stage = stage;
    }

    public SecAggGuard Guard { get; }

    public SecAggStage Stage { get; }

    /// <summary>The notice a site sends the coordinator so that the report can say why it left.</summary>
    public SecAggSiteAborted ToMessage(StudyId study, int round, SiteId site) =>
        new(study, round, site, Stage, Guard.ToString(), Message);
}
