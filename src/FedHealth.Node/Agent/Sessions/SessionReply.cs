using Akka.Actor;
using FedHealth.Core.Protocol;

namespace FedHealth.Node.Agent.Sessions;

/// <summary>
/// A session child → its agent: send <see cref="Reply"/> to the round that asked. Every reply
/// leaves through the agent (the actor the coordinator knows as this site) and its one reply channel.
/// </summary>
internal sealed record SessionReply(IActorRef Round, IRoundMessage Reply) : INoSerializationVerificationNeeded;
