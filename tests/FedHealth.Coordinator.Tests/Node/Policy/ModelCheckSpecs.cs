using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Delivery;
using FedHealth.Core.Training;
using FedHealth.Node.Policy;

namespace FedHealth.Coordinator.Tests.Node.Policy;

/// <summary>The model a coordinator hands a site, checked before anything is charged, fetched or trained.</summary>
public sealed class ModelCheckSpecs
{
    private static ModelOffer Offer(long length, string host = "hub.example") => new(new byte[16], length, new byte[32], host, 7400);

    [Fact]
    public void Weights_that_fill_the_specs_layout_are_accepted()
    {
        Assert.Null(ModelCheck.Refusal(Models.Spec, Models.Weights(1, 2, 3), null, "hub.example"));
    }

    [Fact]
    public void Weights_of_another_layout_are_refused_with_both_counts()
    {
        var refusal = ModelCheck.Refusal(ModelSpec.LogisticRegression(5), Models.Weights(1, 2, 3), null, null);

        Assert.Equal("the model carries 3 weights but its spec (LogisticRegression, 5 inputs) has 6: the wrong layout", refusal);
    }

    [Fact]
    public void An_offer_on_another_host_is_refused_without_connecting_to_it()
    {
        var refusal = ModelCheck.Refusal(Models.Spec, Delivery(), Offer(100, "10.0.0.99"), "hub.example");

        Assert.Equal("the model is offered on a host that is not this site's coordinator (hub.example); this site fetches models only from its coordinator", refusal);
        Assert.Null(ModelCheck.Refusal(Models.Spec, Delivery(), Offer(100, "HUB.example"), "hub.example"));
    }

    [Fact]
    public void An_offer_larger_than_the_model_can_take_is_refused_before_fetching()
    {
        var most = ModelCheck.MaxOfferBytes(3);

        Assert.Null(ModelCheck.Refusal(Models.Spec, Delivery(), Offer(most), "hub.example"));
        Assert.Equal(
            $"the model offer announces {most + 1} bytes, more than the {most} a model of 3 weights can take",
            ModelCheck.Refusal(Models.Spec, Delivery(), Offer(most + 1), "hub.example"));
    }

    [Fact]
    public void A_spec_whose_weight_count_overflows_is_refused()
    {
        var huge = ModelSpec.Mlp(1_000_000, 1_000_000, 1_000_000);

        Assert.StartsWith("the model spec (Mlp, 1000000 inputs, 2 hidden layers) has more weights", ModelCheck.Refusal(huge, Delivery(), null, null), StringComparison.Ordinal);
    }

    private static Core.Weights.ModelWeights Delivery() => ModelDelivery.Placeholder;
}
