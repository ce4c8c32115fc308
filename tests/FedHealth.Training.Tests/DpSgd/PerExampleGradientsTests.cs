using FedHealth.Core.Training;
using FedHealth.Training.DpSgd;
using FedHealth.Training.Models;
using FedHealth.Training.Tests.Support;
using FedHealth.Training.Trainer;
using TorchSharp;
using static TorchSharp.torch;

namespace FedHealth.Training.Tests.DpSgd;

public sealed class PerExampleGradientsTests
{
    private readonly LocalTrainer _trainer = new();

    public static TheoryData<string> Models => ["logistic", "mlp one hidden layer", "mlp two hidden layers"];

    [Theory]
    [MemberData(nameof(Models))]
    public void Per_example_gradients_equal_autograd_on_each_example_alone(string name)
    {
        var spec = Spec(name);
        var data = SyntheticRows.Blobs(24, 5, seed: 3, margin: 0.8);
        using var scope = NewDisposeScope();
        using var module = ModelFactory.Create(spec);
        ModuleWeights.Write(module, _trainer.Initialize(spec, 5));
        module.train();
        var features = TensorFactory.Float32(data.Features, data.Rows, data.Columns);
        var labels = TensorFactory.LabelColumn(data.Labels);

        var factored = PerExampleReference.Materialize(PerExampleGradients.Trace(module, features, labels));
        var reference = PerExampleReference.Autograd(module, features, labels);

        Assert.Equal(reference.GetLength(0), factored.GetLength(0));
        Assert.Equal(reference.GetLength(1), factored.GetLength(1));
        for (var i = 0; i < data.Rows; i++)
        {
            var expected = PerExampleReference.Row(reference, i);
            var actual = PerExampleReference.Row(factored, i);
            Assert.True(expected.Any(g => g != 0), "a zero gradient would make the comparison vacuous");
            for (var j = 0; j < expected.Length; j++)
            {
                Assert.Equal(expected[j], actual[j], 1e-5);
            }
        }
    }

    [Fact]
    public void Tracing_leaves_the_parameters_gradients_untouched()
    {
        var spec = Spec("mlp two hidden layers");
        var data = SyntheticRows.Blobs(8, 5, seed: 4);
        using var scope = NewDisposeScope();
        using var module = ModelFactory.Create(spec);
        module.train();

        PerExampleGradients.Trace(module, TensorFactory.Float32(data.Features, data.Rows, data.Columns), TensorFactory.LabelColumn(data.Labels));

        Assert.All(module.parameters(), p => Assert.Null(p.grad));
    }

    private static ModelSpec Spec(string name) => name switch
    {
        "logistic" => ModelSpec.LogisticRegression(5),
        "mlp one hidden layer" => ModelSpec.Mlp(5, 7),
        _ => ModelSpec.Mlp(5, 8, 6),
    };
}
