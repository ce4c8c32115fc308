using FedHealth.Core.Enrolment;
using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol;

/// <summary>
/// A node agent announces itself to the coordinator's registry; across a network it also presents
/// its certificate-bound <see cref="SiteEnrolment"/> (null in a single-process simulation).
/// </summary>
[MessagePackObject]
public sealed record RegisterSite(
    [property: Key(0)] SiteId Site,
    [property: Key(1)] SiteEnrolment? Enrolment = null) : IProtocolMessage;
