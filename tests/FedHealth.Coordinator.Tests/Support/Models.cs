using System.Collections.Immutable;
using FedHealth.Core.Ids;
using FedHealth.Core.Metrics;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;

namespace FedHealth.Coordinator.Tests.Support;

/// <summary>Small fixed inputs for the specs.</summary>
internal static class Models
{
    public static readonly ModelSpec Spec = ModelSpec.LogisticRegression(2);

    public static readonly FitConfig Config = new(OptimizerKind.Sgd, 0.1, 4, 10, 0, 7);

    public static ModelWeights Weights(params float[] values) =>
        new([new TensorSpec("linear.weight", ImmutableArray.Create(1, values.Length - 1)), new TensorSpec("linear.bias", ImmutableArray.Create(1))], values);

    public static EvaluationOutcome Evaluation(int n, double accuracy) =>
        new(n, 0.5, accuracy, 0.75, ScoreHistogram.From([0.2f, 0.8f], [0, 1]));

    public static SiteId Site(string id) => new(id);
}
