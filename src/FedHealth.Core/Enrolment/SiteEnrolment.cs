using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Enrolment;

/// <summary>
/// A site's secure-aggregation signing key, bound to its consortium certificate: the site signs
/// <see cref="EnrolmentProof.Payload"/> (its id and this key) with its certificate's private key.
/// Anyone holding the consortium CA can check it, so a coordinator that relays enrolments between
/// sites cannot substitute a key of its own.
/// </summary>
[MessagePackObject]
public sealed record SiteEnrolment(
    [property: Key(0)] SiteId Site,
    [property: Key(1)] byte[] SigningKey,
    [property: Key(2)] byte[] Certificate,
    [property: Key(3)] byte[] Proof);
