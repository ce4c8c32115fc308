using FedHealth.Models.Registry;
using FedHealth.Models.Tests.Support;

namespace FedHealth.Models.Tests.Registry;

public sealed class ModelRegistryTests
{
    [Fact]
    public void A_saved_model_is_found_by_an_id_prefix_under_a_folder_of_runs_with_the_same_weights()
    {
        var runs = SampleModel.RunFolder();
        var saved = SampleModel.Saved(Path.Combine(runs, "run-1"));
        SampleModel.Saved(Path.Combine(runs, "run-2"), SampleModel.Weights(shift: 1));

        var registry = ModelRegistry.Open(runs);
        var found = registry.Find(saved.Id[..8]);

        Assert.Equal(2, registry.Models.Count);
        Assert.Equal(saved.Id, found.Id);
        Assert.Equal(SampleModel.Weights(), found.Weights());
        Assert.Equal(Path.GetFullPath(Path.Combine(runs, "run-1")), found.RunFolder);
    }

    [Fact]
    public void A_run_folder_itself_can_be_the_registry()
    {
        var run = SampleModel.RunFolder();
        var saved = SampleModel.Saved(run);

        Assert.Equal(saved.Id, ModelRegistry.Open(run).Find(saved.Id).Id);
    }

    [Fact]
    public void An_unknown_id_is_named_in_the_error()
    {
        var run = SampleModel.RunFolder();
        SampleModel.Saved(run);

        var error = Assert.Throws<ModelStoreException>(() => ModelRegistry.Open(run).Find("0123456789"));

        Assert.Contains("No model '0123456789'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prefix_shorter_than_six_characters_is_refused()
    {
        var run = SampleModel.RunFolder();
        var saved = SampleModel.Saved(run);

        var error = Assert.Throws<ModelStoreException>(() => ModelRegistry.Open(run).Find(saved.Id[..3]));

        Assert.Contains("too short", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_that_do_not_match_their_manifest_are_refused()
    {
        var run = SampleModel.RunFolder();
        var saved = SampleModel.Saved(run);
        var file = Path.Combine(run, ModelStore.FolderName, saved.Id + ModelStore.WeightsExtension);
        var bytes = File.ReadAllBytes(file);
        bytes[^1] ^= 1;
        File.WriteAllBytes(file, bytes);

        var error = Assert.Throws<ModelStoreException>(() => ModelRegistry.Open(run).Find(saved.Id).Weights());

        Assert.Contains("does not match its manifest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_that_does_not_exist_is_named()
    {
        var error = Assert.Throws<ModelStoreException>(() => ModelRegistry.Open("/no/such/runs"));

        Assert.Contains("/no/such/runs", error.Message, StringComparison.Ordinal);
    }
}
