using FedHealth.Core.Delivery;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;
using FedHealth.Node.Policy;

namespace FedHealth.Node.Agent;

/// <summary>
/// An instruction's weights as a session resolves them. Any failure to fetch an offered model is
/// one and the same failure, so the reason the coordinator hears cannot tell a closed port from an
/// open one (or a refused certificate from a wrong hash); the site's log keeps the cause.
/// A fetched model must also fill the spec's layout.
/// </summary>
internal static class ModelFetch
{
    public static async Task<ModelWeights> ResolveAsync(ModelSpec model, ModelWeights inline, ModelOffer? offer, IModelFetcher? fetcher)
    {
        ModelWeights weights;
        try
        {
            weights = await ModelDelivery.ResolveAsync(inline, offer, fetcher).ConfigureAwait(false);
        }
        catch (Exception ex) when (offer is not null && ex is not OperationCanceledException)
        {
            throw new ModelUnavailableException(ex);
        }

        if (offer is not null && weights.Length != ModelCheck.ExpectedWeights(model))
        {
            throw new ModelUnavailableException(new InvalidDataException($"The fetched model holds {weights.Length} weights; its spec has {ModelCheck.ExpectedWeights(model)}."));
        }

        return weights;
    }
}
