using FedHealth.Training.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedHealth.Training.DpSgd;

/// <summary>
/// Every example's gradient of the BCE-with-logits loss, without vmap and without one backward
/// pass per example (docs/privacy.md, "Per-example gradients without vmap").
/// </summary>
/// <remarks>
/// For a linear layer z = W·a + b, example i's gradient is δᵢ ⊗ aᵢ for W and δᵢ for b, with δᵢ its
/// loss gradient with respect to z. One batched forward pass keeps every aᵢ. The logit layer's δ is
/// the residual σ(z) − y in closed form, so a logistic model needs no backward pass at all. Hidden
/// layers get theirs from one backward pass of the summed loss: its gradient with respect to row i
/// of a layer's output involves example i alone, so it is δᵢ.
/// </remarks>
internal static class PerExampleGradients
{
    /// <summary>The factored per-example gradients of every linear layer, detached from the graph.</summary>
    /// <param name="module">The model, in training mode.</param>
    /// <param name="features">[batch × features], at least one row.</param>
    /// <param name="labels">[batch × 1], 0 or 1.</param>
    public static IReadOnlyList<LayerTrace> Trace(BinaryClassifierModule module, Tensor features, Tensor labels)
    {
        var stages = module.Stages();
        if (stages.Count == 0 || stages[^1] is not Linear)
        {
            throw new InvalidOperationException($"{module.GetType().Name} must end with the linear layer that outputs the logit.");
        }

        var layers = new List<Linear>();
        var inputs = new List<Tensor>();
        var outputs = new List<Tensor>();
        var hidden = stages.Count(s => s is Linear) > 1;
        Tensor logits;

        // Without hidden layers nothing needs backpropagating, so no graph is built.
        using (torch.set_grad_enabled(hidden))
        {
            var activation = features;
            foreach (var stage in stages)
            {
                if (stage is Linear linear)
                {
                    layers.Add(linear);
                    inputs.Add(activation);
                    activation = linear.forward(activation);
                    outputs.Add(activation);
                }
                else
                {
                    activation = stage.forward(activation);
                }
            }

            logits = activation;
        }

        var deltas = new Tensor[layers.Count];
        using (torch.no_grad())
        {
            // d/dz of BCE-with-logits summed over the batch: σ(zᵢ) − yᵢ in row i.
            deltas[^1] = logits.sigmoid() - labels;
        }

        if (hidden)
        {
            // Backpropagating the residual from the logits is the backward pass of the summed loss
            // (the loss itself never needs evaluating).
            var hiddenDeltas = torch.autograd.grad([logits], outputs.Take(layers.Count - 1).ToList(), [deltas[^1]]);
            for (var l = 0; l < hiddenDeltas.Count; l++)
            {
                deltas[l] = hiddenDeltas[l];
            }
        }

        return layers.Select((layer, l) => new LayerTrace(layer, inputs[l].detach(), deltas[l].detach())).ToList();
    }
}
