using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol;

/// <summary>
/// The registry's answer to a <see cref="RegisterSite"/> across a network: a fresh random
/// <see cref="Nonce"/> that the site signs with its certificate's private key
/// (<see cref="Enrolment.RegistrationProofPayload"/>), so a recorded or relayed enrolment alone
/// cannot register anyone.
/// </summary>
[MessagePackObject]
public sealed record RegistrationChallenge(
    [property: Key(0)] SiteId Site,
    [property: Key(1)] byte[] Nonce) : IProtocolMessage;
