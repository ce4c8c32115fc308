using FedHealth.Core.Ids;
using FedHealth.Core.Weights;
using MessagePack;

namespace FedHealth.Core.Protocol;

/// <summary>
/// Site → coordinator: the locally trained weights (the plain path, used when secure aggregation
/// is off), the number of training rows and the mean training loss.
/// </summary>
[MessagePackObject]
public sealed record FitReply(
    [property: Key(0)] StudyId Study,
    [property: Key(1)] int Round,
    [property: Key(2)] SiteId Site,
    [property: Key(3)] ModelWeights Weights,
    [property: Key(4)] long NumExamples,
    [property: Key(5)] double TrainLoss,
    [property: Key(6)] double TrainMilliseconds) : ISiteMessage;
