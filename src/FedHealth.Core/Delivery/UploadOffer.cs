using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using MessagePack;

namespace FedHealth.Core.Delivery;

/// <summary>
/// Site → coordinator: a reply too large for a message (a plain update, a masked input) waits to be
/// uploaded over the mutual-TLS transfer channel: its message type (<see cref="Manifest"/>), a
/// random single-use <see cref="Ticket"/>, and the exact <see cref="Length"/> and <see cref="Sha256"/>
/// of its serialized form, which the coordinator checks before reading it.
/// </summary>
[MessagePackObject]
public sealed record UploadOffer(
    [property: Key(0)] StudyId Study,
    [property: Key(1)] int Round,
    [property: Key(2)] SiteId Site,
    [property: Key(3)] string Manifest,
    [property: Key(4)] byte[] Ticket,
    [property: Key(5)] long Length,
    [property: Key(6)] byte[] Sha256) : ISiteMessage;
