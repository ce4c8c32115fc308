using MessagePack;

namespace FedHealth.Core.Delivery;

/// <summary>
/// Where a large model waits instead of travelling inside a message: a single-purpose random
/// <see cref="Ticket"/> on the coordinator's mutual-TLS transfer channel at <see cref="Host"/>:<see cref="Port"/>,
/// with the serialized model's exact <see cref="Length"/> and <see cref="Sha256"/>, which the site checks.
/// </summary>
[MessagePackObject]
public sealed record ModelOffer(
    [property: Key(0)] byte[] Ticket,
    [property: Key(1)] long Length,
    [property: Key(2)] byte[] Sha256,
    [property: Key(3)] string Host,
    [property: Key(4)] int Port);
