using FedHealth.Models.Manifests;
using FedHealth.Models.Tests.Support;

namespace FedHealth.Models.Tests.Manifests;

public sealed class ManifestJsonTests
{
    [Fact]
    public void A_manifest_reads_back_as_written()
    {
        var manifest = SampleModel.Manifest(SampleModel.Weights());

        var text = ManifestJson.Serialize(manifest);
        var read = ManifestJson.Deserialize(text, "m.json");

        Assert.Equal(text, ManifestJson.Serialize(read));
        Assert.Contains("\"schema_version\": 1", text, StringComparison.Ordinal);
        Assert.Contains("\"standard_deviations\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_from_a_newer_schema_is_refused_with_its_version()
    {
        var text = ManifestJson.Serialize(SampleModel.Manifest(SampleModel.Weights())).Replace("\"schema_version\": 1", "\"schema_version\": 7", StringComparison.Ordinal);

        var error = Assert.Throws<ModelStoreException>(() => ManifestJson.Deserialize(text, "m.json"));

        Assert.Contains("m.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("schema version 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_manifest_is_refused()
    {
        var error = Assert.Throws<ModelStoreException>(() => ManifestJson.Deserialize("{\"study\": 1}", "other.json"));

        Assert.Contains("not a model manifest", error.Message, StringComparison.Ordinal);
    }
}
