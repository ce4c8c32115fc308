using System.Collections.Immutable;
using Akka.Actor;
using FedHealth.Core.Delivery;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.SecureAggregation.Server;

namespace FedHealth.Coordinator.SecureSessions;

/// <summary>
/// One SecAgg+ session to run (a secure training round's fit stage, or the statistics stage): the
/// server state machine, the sites and the message that starts the session at each of them, the
/// stage whose failures a site may report, and each stage's deadline.
/// </summary>
/// <param name="Start">Sent to every site first (a secure <see cref="FitInstruction"/>, a statistics instruction); the sites answer the session's actor.</param>
/// <param name="FailureStage">The stage a site's <see cref="StageFailed"/> must name to count as leaving this session.</param>
public sealed record SecureSumRequest(
    SecAggServer Server,
    ImmutableSortedDictionary<SiteId, IActorRef> Sites,
    IRoundMessage Start,
    ProtocolStage FailureStage,
    Func<SecAggStage, TimeSpan> Deadline)
{
    /// <summary>Receives masked inputs uploaded over the transfer channel; null accepts only inline ones.</summary>
    public IUploadReceiver? Uploads { get; init; }

    /// <summary>How the session is named in the log (<c>Round 3</c>, <c>Statistics session 0</c>).</summary>
    public string Name { get; init; } = "Session";

    /// <summary>
    /// When set, the session stops before the unmask stage and asks its parent (<see cref="ReleaseRequested"/>),
    /// going on only on <see cref="ReleaseApproved"/>: the round charges the privacy cost in between.
    /// </summary>
    public bool AskBeforeUnmask { get; init; }
}
