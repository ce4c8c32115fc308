using FedHealth.Core.Delivery;
using FedHealth.Core.Ids;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;
using MessagePack;

namespace FedHealth.Core.Protocol;

/// <summary>Coordinator → site: evaluate these weights on your local test rows (and, when <c>Importance</c> is set, measure permutation importance on them).</summary>
[MessagePackObject]
public sealed record EvaluateInstruction(
    [property: Key(0)] StudyId Study,
    [property: Key(1)] int Round,
    [property: Key(2)] ModelSpec Model,
    [property: Key(3)] ModelWeights Weights,
    [property: Key(4)] ModelOffer? WeightsOffer = null,
    [property: Key(5)] PermutationSettings? Importance = null) : IRoundMessage;
