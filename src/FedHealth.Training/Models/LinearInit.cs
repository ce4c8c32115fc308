using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedHealth.Training.Models;

/// <summary>PyTorch's default initialisation of a linear layer, from an explicit generator.</summary>
internal static class LinearInit
{
    /// <summary>
    /// Weight and bias uniform in ±1/√fan_in: what torch.nn.Linear does by default
    /// (kaiming_uniform with a = √5 reduces to that bound), so results compare with PyTorch code
    /// such as FLamby's.
    /// </summary>
    /// <remarks>
    /// Tensor.uniform_ rather than nn.init.uniform_: in TorchSharp 0.107 the latter ignores its
    /// generator argument and draws from the global generator, which is neither reproducible here
    /// nor safe to share between concurrently training sites.
    /// </remarks>
    public static void Reset(Linear layer, Generator generator)
    {
        var bound = 1.0 / Math.Sqrt(layer.in_features);
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        layer.weight.uniform_(-bound, bound, generator);
        layer.bias?.uniform_(-bound, bound, generator);
    }
}
