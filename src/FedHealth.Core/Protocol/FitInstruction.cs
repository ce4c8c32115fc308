using FedHealth.Core.Delivery;
using FedHealth.Core.Ids;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;
using MessagePack;

namespace FedHealth.Core.Protocol;

/// <summary>
/// Coordinator → site: train from these global weights with this configuration. With
/// <see cref="Secure"/> set the site answers through the secure-aggregation stages, never with a
/// <see cref="FitReply"/>. A large model comes as <see cref="WeightsOffer"/> (fetched over the
/// transfer channel) with <see cref="Delivery.ModelDelivery.Placeholder"/> as <see cref="Weights"/>.
/// </summary>
[MessagePackObject]
public sealed record FitInstruction(
    [property: Key(0)] StudyId Study,
    [property: Key(1)] int Round,
    [property: Key(2)] ModelSpec Model,
    [property: Key(3)] ModelWeights Weights,
    [property: Key(4)] FitConfig Config,
    [property: Key(5)] SecureAggregationSpec? Secure = null,
    [property: Key(6)] ModelOffer? WeightsOffer = null) : IRoundMessage;
