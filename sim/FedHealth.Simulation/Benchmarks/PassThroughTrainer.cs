using FedHealth.Core.Data;
using FedHealth.Core.Metrics;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;

namespace FedHealth.Simulation.Benchmarks;

/// <summary>
/// A trainer that costs nothing: returns the global weights unchanged and fixed metrics. Running the
/// same federation with it measures what coordination alone costs per round.
/// </summary>
internal sealed class PassThroughTrainer(ILocalTrainer real) : ILocalTrainer
{
    public ModelWeights Initialize(ModelSpec model, long seed) => real.Initialize(model, seed);

    public FitOutcome Fit(ModelSpec model, ModelWeights start, TabularData train, FitConfig config) =>
        new(start, train.Rows, 0, 0);

    public EvaluationOutcome Evaluate(ModelSpec model, ModelWeights weights, TabularData test) =>
        new(test.Rows, 0, 0, double.NaN, ScoreHistogram.Empty());
}
