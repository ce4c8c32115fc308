using System.Collections.Immutable;
using Akka.Actor;

namespace FedHealth.Audit.Recording;

/// <summary>
/// What an actor publishes on the actor system's EventStream for its service's audit trail; the
/// <see cref="AuditActor"/> of that service appends it. A <see cref="Message"/> is not stored: its
/// type, wire size and SHA-256 are (computed by the audit actor, so nothing is serialised when no
/// trail is kept). Local only, never sent.
/// </summary>
/// <param name="Service">Whose trail: <c>coordinator</c> or the site's id (one actor system may host several in a simulation).</param>
public sealed record AuditEvent(string Service, string Kind, string? Study, int? Round, ImmutableSortedDictionary<string, string> Data)
    : INoSerializationVerificationNeeded
{
    /// <summary>The coordinator's trail.</summary>
    public const string Coordinator = "coordinator";

    /// <summary>A protocol message whose wire digest goes into the entry; null for none.</summary>
    public object? Message { get; init; }

    public static AuditEvent Of(string service, string kind, string? study, int? round, params (string Key, string Value)[] data) =>
        new(service, kind, study, round, data.ToImmutableSortedDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal));
}
