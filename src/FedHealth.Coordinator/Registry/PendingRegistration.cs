using Akka.Actor;
using FedHealth.Core.Enrolment;

namespace FedHealth.Coordinator.Registry;

/// <summary>A registration waiting for the answer to its challenge: who asked, with which enrolment, which nonce, until when.</summary>
internal sealed record PendingRegistration(IActorRef Node, SiteEnrolment Enrolment, byte[] Nonce, DateTimeOffset Expires);
