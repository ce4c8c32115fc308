using System.Collections.Immutable;
using Akka.Actor;
using Akka.Event;
using FedHealth.Core.Enrolment;
using FedHealth.Core.Ids;

namespace FedHealth.Coordinator.Registry;

/// <summary>A snapshot of the connected sites and the actors that speak for them. Local only.</summary>
public sealed record RegisteredSites(ImmutableSortedDictionary<SiteId, IActorRef> Sites) : INoSerializationVerificationNeeded
{
    /// <summary>The connected sites' verified, certificate-bound enrolments (across a network); empty in a simulation.</summary>
    public ImmutableSortedDictionary<SiteId, SiteEnrolment> Enrolments { get; init; } = ImmutableSortedDictionary<SiteId, SiteEnrolment>.Empty;
}
