using System.Collections.Immutable;
using FedHealth.Core.Data;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;
using FedHealth.Training.Inference;

namespace FedHealth.Training.Tests.Inference;

public sealed class ModelScorerTests
{
    [Fact]
    public void A_logistic_regression_scores_the_sigmoid_of_its_linear_predictor()
    {
        var weights = new ModelWeights(
            [new TensorSpec("linear.weight", ImmutableArray.Create(1, 2)), new TensorSpec("linear.bias", ImmutableArray.Create(1))],
            [0.5f, -2f, 0.25f]);
        var rows = new TabularData(["a", "b"], [1f, 0f, 2f, 1f, -1f, 0.5f], [0, 0, 0]);

        var p = ModelScorer.Probabilities(ModelSpec.LogisticRegression(2), weights, rows);

        double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
        Assert.Equal(Sigmoid(0.75), p[0], 1e-7);
        Assert.Equal(Sigmoid(-0.75), p[1], 1e-7);
        Assert.Equal(Sigmoid(-1.25), p[2], 1e-7);
    }

    [Fact]
    public void An_mlp_scores_relu_layers_then_the_sigmoid()
    {
        // hidden0: 1 -> 2 with weights [1, -1], bias [0, 0]; output: [1, 1], bias 0. So p = σ(|x|).
        var weights = new ModelWeights(
            [
                new TensorSpec("layers.hidden0.weight", ImmutableArray.Create(2, 1)), new TensorSpec("layers.hidden0.bias", ImmutableArray.Create(2)),
                new TensorSpec("layers.output.weight", ImmutableArray.Create(1, 2)), new TensorSpec("layers.output.bias", ImmutableArray.Create(1)),
            ],
            [1f, -1f, 0f, 0f, 1f, 1f, 0f]);
        var rows = new TabularData(["x"], [-3f, 2f], [0, 0]);

        var p = ModelScorer.Probabilities(ModelSpec.Mlp(1, 2), weights, rows);

        Assert.Equal(1 / (1 + Math.Exp(-3)), p[0], 1e-7);
        Assert.Equal(1 / (1 + Math.Exp(-2)), p[1], 1e-7);
    }

    [Fact]
    public void Rows_of_the_wrong_width_are_refused()
    {
        var weights = ModelWeights.Zeros([new TensorSpec("linear.weight", ImmutableArray.Create(1, 2)), new TensorSpec("linear.bias", ImmutableArray.Create(1))]);

        var error = Assert.Throws<ArgumentException>(() => ModelScorer.Probabilities(ModelSpec.LogisticRegression(2), weights, new TabularData(["a"], [1f], [0])));

        Assert.Contains("2 inputs", error.Message, StringComparison.Ordinal);
    }
}
