using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedHealth.Training.DpSgd;

/// <summary>
/// One linear layer's part of a batch's per-example gradients, kept factored: example i's gradient
/// is <c>Deltas[i] ⊗ Inputs[i]</c> for the weight and <c>Deltas[i]</c> for the bias.
/// </summary>
/// <param name="Layer">The layer whose parameters these gradients belong to.</param>
/// <param name="Inputs">[batch × in_features]: what the layer received in the forward pass.</param>
/// <param name="Deltas">[batch × out_features]: each example's loss gradient with respect to the layer's output.</param>
internal sealed record LayerTrace(Linear Layer, Tensor Inputs, Tensor Deltas);
