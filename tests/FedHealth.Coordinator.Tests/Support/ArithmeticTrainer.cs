using FedHealth.Core.Data;
using FedHealth.Core.Metrics;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;

namespace FedHealth.Coordinator.Tests.Support;

/// <summary>
/// A trainer whose effect is easy to predict: every fit adds 1 to each weight; evaluation reports
/// the number of rows. Throws when asked to, to test failure paths.
/// </summary>
internal sealed class ArithmeticTrainer(string? failWith = null) : ILocalTrainer
{
    public ModelWeights Initialize(ModelSpec model, long seed) => Models.Weights(0, 0, 0);

    public FitOutcome Fit(ModelSpec model, ModelWeights start, TabularData train, FitConfig config)
    {
        if (failWith is not null)
        {
            throw new InvalidOperationException(failWith);
        }

        var values = start.Flat.ToArray().Select(v => v + 1).ToArray();
        return new FitOutcome(start.WithValues(values), train.Rows, 0.5, config.StepsFor(train.Rows));
    }

    public EvaluationOutcome Evaluate(ModelSpec model, ModelWeights weights, TabularData test) =>
        new(test.Rows, 0.4, 0.75, 0.8, ScoreHistogram.From(new float[test.Rows], test.Labels));

    public static SiteData Site(string id, int trainRows) =>
        new(new(id), Rows(trainRows), Rows(4));

    private static TabularData Rows(int n) =>
        new(["x", "y"], new float[n * 2], Enumerable.Range(0, n).Select(i => i % 2).ToArray());
}
