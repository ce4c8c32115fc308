using FedHealth.Core.Ids;
using MessagePack;

namespace FedHealth.Core.Protocol;

/// <summary>Site → coordinator: the site could not complete a stage (the reason names no patient data).</summary>
[MessagePackObject]
public sealed record StageFailed(
    [property: Key(0)] StudyId Study,
    [property: Key(1)] int Round,
    [property: Key(2)] ProtocolStage Stage,
    [property: Key(3)] SiteId Site,
    [property: Key(4)] string Reason) : ISiteMessage;
