using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol;

/// <summary>The registry's refusal of <see cref="RegisterSite"/>, with the reason (not enrolled, bad enrolment proof, …).</summary>
[MessagePackObject]
public sealed record RegistrationRefused(
    [property: Key(0)] SiteId Site,
    [property: Key(1)] string Reason) : IProtocolMessage;
