using TorchSharp;
using static TorchSharp.torch;

namespace FedHealth.Training.Models;

/// <summary>A model that maps a batch of feature rows to one logit per row.</summary>
internal abstract class BinaryClassifierModule : nn.Module<Tensor, Tensor>
{
    protected BinaryClassifierModule(string name)
        : base(name)
    {
    }

    /// <summary>
    /// Re-draws every parameter from <paramref name="generator"/>. A private generator (rather than
    /// torch's global one) keeps initialisation deterministic when several sites train concurrently.
    /// </summary>
    public abstract void ResetParameters(Generator generator);
}
