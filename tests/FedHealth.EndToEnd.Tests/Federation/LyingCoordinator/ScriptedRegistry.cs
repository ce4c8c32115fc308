using System.Collections.Concurrent;
using System.Security.Cryptography;
using Akka.Actor;
using FedHealth.Core.Enrolment;
using FedHealth.Core.Protocol;

namespace FedHealth.EndToEnd.Tests.Federation.LyingCoordinator;

/// <summary>
/// The registry of a coordinator that lies: it lets the node register as a real registry would
/// (a fresh challenge, then <see cref="SiteRegistered"/>), then sends whatever the script tells it
/// to, in its own name, and records everything the node sends back.
/// </summary>
internal sealed class ScriptedRegistry : ReceiveActor
{
    private readonly ConcurrentQueue<object> _heard;
    private readonly TaskCompletionSource<IActorRef> _registered;

    public ScriptedRegistry(ConcurrentQueue<object> heard, TaskCompletionSource<IActorRef> registered)
    {
        _heard = heard;
        _registered = registered;
        Receive<RegisterSite>(m =>
        {
            _heard.Enqueue(m);
            Sender.Tell(new RegistrationChallenge(m.Site, RandomNumberGenerator.GetBytes(RegistrationProofPayload.NonceLength)));
        });
        Receive<RegistrationProof>(m =>
        {
            Sender.Tell(new SiteRegistered(m.Site, PooledStatistics: false));
            _registered.TrySetResult(Sender);
        });
        Receive<Lie>(m => m.Node.Tell(m.Message, Self));
        ReceiveAny(m => _heard.Enqueue(m));
    }

    public static Props Props(ConcurrentQueue<object> heard, TaskCompletionSource<IActorRef> registered) =>
        Akka.Actor.Props.Create(() => new ScriptedRegistry(heard, registered));

    /// <summary>From the script: send <paramref name="Message"/> to the node as the coordinator.</summary>
    public sealed record Lie(IActorRef Node, object Message) : INoSerializationVerificationNeeded;
}
