using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol;

/// <summary>A node agent announces itself to the coordinator's registry.</summary>
[MessagePackObject]
public sealed record RegisterSite([property: Key(0)] SiteId Site) : IProtocolMessage;
