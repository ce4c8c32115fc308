using Akka.Event;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;

namespace FedHealth.Node.Agent.Sessions;

/// <summary>A stage that failed on the site, as the coordinator may hear of it: the kind of failure, never a data value.</summary>
internal static class SessionFailure
{
    public static StageFailed Of(IRoundMessage instruction, ProtocolStage stage, SiteId site, Exception exception, ILoggingAdapter log)
    {
        var cause = exception is AggregateException { InnerException: { } inner } ? inner : exception;
        switch (cause)
        {
            // The trainer's own messages for these two name limits and step counts, never a data value.
            case TimeoutException:
                log.Warning("Site {Site}: {Stage} of round {Round} stopped: {Reason}", site, stage, instruction.Round, cause.Message);
                return new StageFailed(instruction.Study, instruction.Round, stage, site, cause.Message);
            case OperationCanceledException:
                log.Info("Site {Site}: {Stage} of round {Round} stopped: the node is shutting down", site, stage, instruction.Round);
                return new StageFailed(instruction.Study, instruction.Round, stage, site, "the site is shutting down");
            default:
                log.Error(cause, "Site {Site}: {Stage} of round {Round} failed", site, stage, instruction.Round);
                return new StageFailed(instruction.Study, instruction.Round, stage, site, $"{stage} failed on the site ({cause.GetType().Name})");
        }
    }
}
