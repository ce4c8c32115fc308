using Akka.Actor;
using FedHealth.Coordinator.Senders;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Strategy;

namespace FedHealth.Coordinator.Rounds.Gathering;

/// <summary>The gathering → its round, once: the replies that passed, the sites that failed (with why), the nodes that terminated, and the refused impersonations.</summary>
public sealed record GatherCompleted(
    IReadOnlyList<ISiteMessage> Replies,
    IReadOnlyList<SiteFailure> Failures,
    IReadOnlySet<SiteId> Terminated,
    IReadOnlyList<RefusedMessage> RefusedMessages) : INoSerializationVerificationNeeded;
