using FedHealth.Core.Weights;

namespace FedHealth.Core.Delivery;

/// <summary>How a model goes into an instruction: inline, or as an offer with an empty placeholder in its place.</summary>
public static class ModelDelivery
{
    /// <summary>Stands in for the weights of an instruction that carries a <see cref="ModelOffer"/>.</summary>
    public static ModelWeights Placeholder { get; } = new([], []);

    public static (ModelWeights Weights, ModelOffer? Offer) Prepare(ModelWeights weights, IModelPublisher? publisher)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return publisher?.Offer(weights) is { } offer ? (Placeholder, offer) : (weights, null);
    }

    /// <summary>The instruction's weights: inline, or fetched from the offer.</summary>
    public static Task<ModelWeights> ResolveAsync(ModelWeights inline, ModelOffer? offer, IModelFetcher? fetcher, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inline);
        if (offer is null)
        {
            return Task.FromResult(inline);
        }

        return fetcher is null
            ? Task.FromException<ModelWeights>(new InvalidOperationException("The model was offered on the transfer channel, but this site has no way to fetch it."))
            : fetcher.FetchAsync(offer, cancellationToken);
    }
}
