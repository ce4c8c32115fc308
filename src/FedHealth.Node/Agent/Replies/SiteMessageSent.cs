using Akka.Actor;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;

namespace FedHealth.Node.Agent.Replies;

/// <summary>
/// Published on the actor system's EventStream whenever a protocol message leaves the site (a
/// reply, a secure-aggregation message, a failure or refusal), so the hospital's own console can
/// list what left it. The message is the one sent; observers must show only its kind, size and hash.
/// </summary>
public sealed record SiteMessageSent(SiteId Site, IRoundMessage Message, DateTimeOffset At) : INoSerializationVerificationNeeded;
