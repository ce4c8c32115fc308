using System.Collections.Immutable;
using FedHealth.Core.Weights;

namespace FedHealth.Core.Tests.Weights;

public sealed class ModelWeightsSpecs
{
    private static readonly TensorSpec[] Layout = [new("w", ImmutableArray.Create(2, 3)), new("b", ImmutableArray.Create(3))];

    [Fact]
    public void Tensors_are_views_into_one_flat_buffer_in_layout_order()
    {
        var weights = new ModelWeights(Layout, [1, 2, 3, 4, 5, 6, 7, 8, 9]);

        Assert.Equal(9, weights.Length);
        Assert.Equal([1f, 2, 3, 4, 5, 6], weights.Tensor("w").ToArray());
        Assert.Equal([7f, 8, 9], weights.Tensor("b").ToArray());
    }

    [Fact]
    public void Values_that_do_not_fill_the_shapes_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new ModelWeights(Layout, [1, 2, 3]));

        Assert.Contains("9 values but 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_tensor_names_are_refused() =>
        Assert.Throws<ArgumentException>(() => new ModelWeights([new("w", [1]), new("w", [1])], [1, 2]));

    [Fact]
    public void The_content_hash_changes_with_any_value_and_with_the_layout()
    {
        var a = new ModelWeights(Layout, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        var b = new ModelWeights(Layout, [1, 2, 3, 4, 5, 6, 7, 8, 9.5f]);
        var c = new ModelWeights([new("w", [9])], [1, 2, 3, 4, 5, 6, 7, 8, 9]);

        Assert.Equal(a.ContentHash(), new ModelWeights(Layout, [1, 2, 3, 4, 5, 6, 7, 8, 9]).ContentHash());
        Assert.NotEqual(a.ContentHash(), b.ContentHash());
        Assert.NotEqual(a.ContentHash(), c.ContentHash());
    }

    [Fact]
    public void Unknown_tensor_names_are_reported_by_name() =>
        Assert.Contains("'z'", Assert.Throws<KeyNotFoundException>(() => new ModelWeights(Layout, new float[9]).Tensor("z").ToArray()).Message, StringComparison.Ordinal);
}
