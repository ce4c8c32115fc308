using Akka.Actor;
using Akka.Event;

namespace FedHealth.Coordinator.Registry;

/// <summary>Asks the registry for the sites currently connected. Local only.</summary>
public sealed record GetRegisteredSites : INoSerializationVerificationNeeded
{
    public static GetRegisteredSites Instance { get; } = new();
}
