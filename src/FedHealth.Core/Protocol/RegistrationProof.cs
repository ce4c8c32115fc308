using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol;

/// <summary>
/// Site → registry: the <see cref="RegistrationChallenge"/>'s nonce signed with the private key
/// of the certificate in the site's enrolment, proving that whoever registers holds it.
/// </summary>
[MessagePackObject]
public sealed record RegistrationProof(
    [property: Key(0)] SiteId Site,
    [property: Key(1)] byte[] Nonce,
    [property: Key(2)] byte[] Signature) : IProtocolMessage;
