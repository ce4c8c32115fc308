using FedHealth.Core.Data;
using FedHealth.Core.Weights;

namespace FedHealth.Core.Training;

/// <summary>
/// Local training behind one seam: the node agent and the coordinator never touch a tensor.
/// Implementations must be deterministic for a given seed.
/// </summary>
public interface ILocalTrainer
{
    /// <summary>Fresh weights for the architecture, initialised deterministically from the seed.</summary>
    ModelWeights Initialize(ModelSpec model, long seed);

    /// <summary>Trains from <paramref name="start"/> on the (already preprocessed) rows.</summary>
    FitOutcome Fit(ModelSpec model, ModelWeights start, TabularData train, FitConfig config);

    /// <summary>Evaluates the weights on the (already preprocessed) rows.</summary>
    EvaluationOutcome Evaluate(ModelSpec model, ModelWeights weights, TabularData test);
}
