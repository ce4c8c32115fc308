using Akka.Actor;
using FedHealth.Audit.Chain;

namespace FedHealth.Audit.Recording;

/// <summary>How a host starts its service's audit trail in its actor system.</summary>
public static class AuditRecording
{
    /// <summary>Starts the service's <see cref="AuditActor"/> and subscribes it to the system's audit events.</summary>
    public static IActorRef Start(ActorSystem system, AuditTrail trail)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(trail);
        var actor = system.ActorOf(AuditActor.Props(trail), AuditActor.Name);
        system.EventStream.Subscribe(actor, typeof(AuditEvent));
        return actor;
    }
}
