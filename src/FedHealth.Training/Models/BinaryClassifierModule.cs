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

    /// <summary>
    /// The modules <see cref="nn.Module{T, TResult}.forward"/> applies, in order: linear layers,
    /// which hold every parameter, and parameter-free activations between them, ending with the
    /// linear layer that outputs the logit. DP-SGD replays the forward pass stage by stage to keep
    /// each linear layer's input and output (see <c>DpSgd/PerExampleGradients</c>).
    /// </summary>
    public abstract IReadOnlyList<nn.Module<Tensor, Tensor>> Stages();
}
