using Akka.Actor;
using FedHealth.Core.Ids;

namespace FedHealth.Coordinator.SecureSessions;

/// <summary>Secure session → its parent: the sum of these sites' masked inputs is ready to be unmasked; may it go on?</summary>
public sealed record ReleaseRequested(int Round, IReadOnlyList<SiteId> Contributors) : INoSerializationVerificationNeeded;
