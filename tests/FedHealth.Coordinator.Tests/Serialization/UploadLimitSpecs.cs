using FedHealth.Hosting.Delivery;

namespace FedHealth.Coordinator.Tests.Serialization;

/// <summary>Uploads are bounded by the study's model, not by the channel's 2 GiB.</summary>
public sealed class UploadLimitSpecs
{
    [Fact]
    public void A_model_of_a_million_weights_allows_8_bytes_per_weight_and_element_plus_one_MiB()
    {
        Assert.Equal((8L * 1_000_001) + (1 << 20), UploadLimit.ForModel(1_000_000));
    }

    [Fact]
    public void An_upload_of_1_GiB_for_a_14_weight_model_is_refused_naming_both_sizes()
    {
        var limit = UploadLimit.ForModel(14);

        Assert.Null(UploadLimit.Refusal(limit, limit));
        Assert.Equal($"An upload of 1073741824 bytes is more than this study's model allows ({limit} bytes).", UploadLimit.Refusal(1L << 30, limit));
    }
}
