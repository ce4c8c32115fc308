using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using MessagePack;

namespace FedHealth.Core.Delivery;

/// <summary>Coordinator → site: the upload of <see cref="Ticket"/> is expected at <see cref="Host"/>:<see cref="Port"/>.</summary>
[MessagePackObject]
public sealed record UploadReady(
    [property: Key(0)] StudyId Study,
    [property: Key(1)] int Round,
    [property: Key(2)] byte[] Ticket,
    [property: Key(3)] string Host,
    [property: Key(4)] int Port) : IRoundMessage;
