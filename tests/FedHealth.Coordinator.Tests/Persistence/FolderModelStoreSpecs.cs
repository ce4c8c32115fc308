using FedHealth.Coordinator.Persistence;
using FedHealth.Coordinator.Tests.Support;

namespace FedHealth.Coordinator.Tests.Persistence;

public sealed class FolderModelStoreSpecs : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fedhealth-models-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_model_is_stored_under_its_content_hash_and_read_back_equal()
    {
        var store = new FolderModelStore(_folder);
        var weights = Models.Weights(1.5f, -2f, 3.25f);

        var hash = store.Put(weights);

        Assert.Equal(weights.ContentHash(), hash);
        Assert.True(File.Exists(Path.Combine(_folder, hash + ".model")));
        Assert.Equal(weights, new FolderModelStore(_folder).Get(hash));
    }

    [Fact]
    public void A_model_file_whose_content_was_changed_is_refused()
    {
        var store = new FolderModelStore(_folder);
        var hash = store.Put(Models.Weights(1, 2, 3));
        var path = Path.Combine(_folder, hash + ".model");
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0x40;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => store.Get(hash));

        Assert.Contains("does not hold the model its name says", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeping_some_models_removes_the_others_and_an_unknown_hash_is_absent()
    {
        var store = new FolderModelStore(_folder);
        var kept = store.Put(Models.Weights(1, 1, 1));
        var removed = store.Put(Models.Weights(2, 2, 2));

        store.Keep(new HashSet<string> { kept });

        Assert.NotNull(store.Get(kept));
        Assert.Null(store.Get(removed));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
