using Akka.Actor;
using FedHealth.Coordinator.Senders;
using FedHealth.Core.Ids;
using FedHealth.Core.Strategy;
using FedHealth.SecureAggregation.Server;

namespace FedHealth.Coordinator.SecureSessions;

/// <summary>
/// The secure-sum session → its parent, once: the sum (<see cref="Result"/>) or the abort, the
/// sites that left it (failed, refused or terminated) with their reason, the sites whose node
/// terminated, and the messages refused for naming another site than their sender's.
/// </summary>
public sealed record SecureSumCompleted(
    SecAggRoundResult? Result,
    SecAggRoundAbort? Abort,
    IReadOnlyList<SiteFailure> Departures,
    IReadOnlySet<SiteId> Terminated,
    IReadOnlyList<RefusedMessage> RefusedMessages) : INoSerializationVerificationNeeded;
