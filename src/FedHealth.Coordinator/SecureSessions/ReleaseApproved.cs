using Akka.Actor;

namespace FedHealth.Coordinator.SecureSessions;

/// <summary>Parent → secure session: go on with the unmask stage (its cost is on record).</summary>
public sealed record ReleaseApproved : INoSerializationVerificationNeeded
{
    public static ReleaseApproved Instance { get; } = new();
}
