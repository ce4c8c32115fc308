using FedHealth.Core.Ids;
using FedHealth.Core.Training;
using MessagePack;

namespace FedHealth.Core.Protocol;

/// <summary>Site → coordinator: aggregate metrics on the local test rows (no rows, no scores).</summary>
[MessagePackObject]
public sealed record EvaluateReply(
    [property: Key(0)] StudyId Study,
    [property: Key(1)] int Round,
    [property: Key(2)] SiteId Site,
    [property: Key(3)] EvaluationOutcome Outcome) : ISiteMessage;
