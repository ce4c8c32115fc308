using FedHealth.Core.Data;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;
using FedHealth.Training.Models;
using FedHealth.Training.Trainer;
using static TorchSharp.torch;

namespace FedHealth.Training.Inference;

/// <summary>Probabilities from a trained model on preprocessed rows: the module's forward pass, then the sigmoid.</summary>
public static class ModelScorer
{
    /// <summary>One probability of the positive class per row of <paramref name="preprocessed"/>.</summary>
    public static double[] Probabilities(ModelSpec spec, ModelWeights weights, TabularData preprocessed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(preprocessed);
        if (preprocessed.Columns != spec.InputFeatures)
        {
            throw new ArgumentException($"The model takes {spec.InputFeatures} inputs, the rows have {preprocessed.Columns}.", nameof(preprocessed));
        }

        if (preprocessed.Rows == 0)
        {
            return [];
        }

        using var module = ModelFactory.Create(spec);
        ModuleWeights.Write(module, weights);
        module.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var input = TensorFactory.Float32(preprocessed.Features, preprocessed.Rows, preprocessed.Columns);
        var logits = TensorFactory.ToArray(module.forward(input).contiguous());
        return logits.Select(z => 1.0 / (1.0 + Math.Exp(-(double)z))).ToArray();
    }
}
