using FedHealth.Core.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedHealth.Training.Trainer;

internal static class OptimizerFactory
{
    /// <summary>Plain SGD (no momentum) or Adam with PyTorch's defaults, as in the FLamby benchmark.</summary>
    public static optim.Optimizer Create(FitConfig config, IEnumerable<Parameter> parameters) =>
        config.Optimizer switch
        {
            OptimizerKind.Sgd => optim.SGD(parameters, config.LearningRate),
            OptimizerKind.Adam => optim.Adam(parameters, config.LearningRate),
            _ => throw new ArgumentException($"Unknown optimizer {config.Optimizer}.", nameof(config)),
        };
}
