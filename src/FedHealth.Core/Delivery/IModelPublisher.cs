using FedHealth.Core.Weights;

namespace FedHealth.Core.Delivery;

/// <summary>The coordinator's side of large-model delivery: offers a model on the transfer channel, or null when it is small enough to travel inside the message.</summary>
public interface IModelPublisher
{
    ModelOffer? Offer(ModelWeights weights);
}
