using FedHealth.Core.Delivery;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;

namespace FedHealth.Node.Policy;

/// <summary>
/// The pure check of the model an instruction hands a site, before anything is charged, fetched or
/// trained: inline weights must fill the layout the model spec declares; an offer must point at the
/// coordinator's own host (a site fetches nothing from anywhere else, so an offer cannot make it
/// probe other hosts) and announce no more bytes than that model can take.
/// </summary>
public static class ModelCheck
{
    /// <summary>Room for the serialized layout (names and shapes of at most 1,024 tensors) beside 4 bytes per weight.</summary>
    public const long LayoutAllowanceBytes = 1L << 20;

    /// <param name="coordinatorHost">The host this site's configuration names for the coordinator; null accepts any (in one process, where offers are not used).</param>
    /// <returns>Null when the model may be used; otherwise the reason, without any value of the model.</returns>
    public static string? Refusal(ModelSpec model, ModelWeights weights, ModelOffer? offer, string? coordinatorHost)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(weights);
        if (ExpectedWeights(model) is not { } expected)
        {
            return $"the model spec ({model.Kind}, {model.InputFeatures} inputs, {model.HiddenLayers.Count} hidden layers) has more weights than a model can hold";
        }

        if (offer is null)
        {
            return weights.Length == expected
                ? null
                : $"the model carries {weights.Length} weights but its spec ({model.Kind}, {model.InputFeatures} inputs) has {expected}: the wrong layout";
        }

        if (coordinatorHost is not null && !string.Equals(offer.Host, coordinatorHost, StringComparison.OrdinalIgnoreCase))
        {
            return $"the model is offered on a host that is not this site's coordinator ({coordinatorHost}); this site fetches models only from its coordinator";
        }

        var most = MaxOfferBytes(expected);
        return offer.Length > most
            ? $"the model offer announces {offer.Length} bytes, more than the {most} a model of {expected} weights can take"
            : null;
    }

    /// <summary>The weights a fetched model must hold; null when the spec's count does not fit.</summary>
    public static int? ExpectedWeights(ModelSpec model)
    {
        ArgumentNullException.ThrowIfNull(model);
        try
        {
            return model.ParameterCount;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    public static long MaxOfferBytes(int weights) => (4L * weights) + LayoutAllowanceBytes;
}
