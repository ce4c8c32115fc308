using System.Security.Cryptography;
using Akka.Actor;
using Akka.Event;
using FedHealth.Audit.Chain;

namespace FedHealth.Audit.Recording;

/// <summary>
/// Appends what its service's actors publish on the EventStream (<see cref="AuditEvent"/>) to the
/// service's trail. For a protocol message it records the type, the size and the SHA-256 of the
/// message's wire bytes (the actor system's serializer), never its contents. A failed append is
/// logged and the service goes on; the trail then shows no gap, only fewer actions.
/// </summary>
public sealed class AuditActor : ReceiveActor
{
    public const string Name = "audit";

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly AuditTrail _trail;

    public AuditActor(AuditTrail trail)
    {
        _trail = trail;
        Receive<AuditEvent>(e => string.Equals(e.Service, _trail.Service, StringComparison.Ordinal), Append);
        Receive<AuditEvent>(_ => { });
        Receive<Flush>(_ => Sender.Tell(Flush.Instance));
    }

    public static Props Props(AuditTrail trail) => Akka.Actor.Props.Create(() => new AuditActor(trail));

    private void Append(AuditEvent audit)
    {
        var data = audit.Data;
        if (audit.Message is { } message)
        {
            var bytes = Context.System.Serialization.FindSerializerFor(message).ToBinary(message);
            data = data.SetItem("type", message.GetType().Name)
                .SetItem("bytes", bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .SetItem("sha256", Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        try
        {
            _trail.Append(audit.Kind, audit.Study, audit.Round, data);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            _log.Error(ex, "The audit trail {Path} could not record a {Kind}", _trail.Path, audit.Kind);
        }
    }

    /// <summary>Answered once the events already in its mailbox are on the trail (for a clean shutdown).</summary>
    public sealed record Flush : INoSerializationVerificationNeeded
    {
        public static Flush Instance { get; } = new();
    }
}
