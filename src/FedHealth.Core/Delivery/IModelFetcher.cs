using FedHealth.Core.Weights;

namespace FedHealth.Core.Delivery;

/// <summary>A site's side of large-model delivery: fetches an offered model and checks its length and hash before returning it.</summary>
public interface IModelFetcher
{
    Task<ModelWeights> FetchAsync(ModelOffer offer, CancellationToken cancellationToken = default);
}
