using System.Collections.Immutable;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;
using FedHealth.Training.Models;
using FedHealth.Training.Trainer;
using TorchSharp;

namespace FedHealth.Training.Tests.Models;

public sealed class ModuleWeightsTests
{
    [Fact]
    public void Logistic_regression_weights_are_named_after_its_parameters_with_their_shapes()
    {
        using var module = ModelFactory.Create(ModelSpec.LogisticRegression(13));

        var weights = ModuleWeights.Read(module);

        Assert.Equal(["linear.weight[1,13]", "linear.bias[1]"], weights.Specs.Select(s => s.ToString()));
    }

    [Fact]
    public void Mlp_weights_list_every_layer_in_order()
    {
        using var module = ModelFactory.Create(ModelSpec.Mlp(5, 8, 4));

        var names = ModuleWeights.Read(module).Specs.Select(s => s.ToString());

        Assert.Equal(
            ["layers.hidden0.weight[8,5]", "layers.hidden0.bias[8]", "layers.hidden1.weight[4,8]",
             "layers.hidden1.bias[4]", "layers.output.weight[1,4]", "layers.output.bias[1]"],
            names);
    }

    [Fact]
    public void Weights_written_into_a_module_read_back_unchanged()
    {
        var spec = ModelSpec.Mlp(3, 4);
        using var module = ModelFactory.Create(spec);
        var layout = ModuleWeights.Read(module);
        var values = Enumerable.Range(0, layout.Length).Select(i => (i * 0.37f) - 3.1f).ToArray();
        var weights = layout.WithValues(values);

        ModuleWeights.Write(module, weights);

        Assert.Equal(weights, ModuleWeights.Read(module));
    }

    [Fact]
    public void Written_weights_drive_the_forward_pass()
    {
        using var scope = torch.NewDisposeScope();
        using var module = ModelFactory.Create(ModelSpec.LogisticRegression(2));
        var weights = new ModelWeights(
            [new TensorSpec("linear.weight", [1, 2]), new TensorSpec("linear.bias", ImmutableArray.Create(1))],
            [2f, -1f, 0.5f]);
        ModuleWeights.Write(module, weights);

        var logit = module.forward(TensorFactory.Float32([3f, 4f], 1, 2)).item<float>();

        Assert.Equal((2f * 3f) - 4f + 0.5f, logit);
    }

    [Fact]
    public void Weights_of_another_layout_are_rejected()
    {
        using var module = ModelFactory.Create(ModelSpec.LogisticRegression(4));
        using var other = ModelFactory.Create(ModelSpec.LogisticRegression(5));

        var error = Assert.Throws<ArgumentException>(() => ModuleWeights.Write(module, ModuleWeights.Read(other)));

        Assert.Contains("linear.weight[1,5]", error.Message, StringComparison.Ordinal);
    }
}
