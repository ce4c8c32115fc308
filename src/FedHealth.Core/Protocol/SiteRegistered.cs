using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol;

/// <summary>The registry's acknowledgement of <see cref="RegisterSite"/>.</summary>
[MessagePackObject]
public sealed record SiteRegistered([property: Key(0)] SiteId Site) : IProtocolMessage;
