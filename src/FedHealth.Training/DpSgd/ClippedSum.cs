using static TorchSharp.torch;

namespace FedHealth.Training.DpSgd;

/// <summary>
/// Σᵢ min(1, C/‖gᵢ‖)·gᵢ over a batch's per-example gradients gᵢ, with ‖gᵢ‖ taken over all layers
/// jointly, computed from the factored form without materialising any gᵢ.
/// </summary>
/// <param name="Layers">The clipped sum per linear layer, float64.</param>
/// <param name="Norms">[batch], float64: each example's gradient norm before clipping.</param>
internal sealed record ClippedSum(IReadOnlyList<LayerGradient> Layers, Tensor Norms)
{
    /// <summary>
    /// Clipping aims this much inside the ball, so that rounding in the norm and in the scaling
    /// cannot leave an example's contribution above C (as L2Clipping does, with a smaller margin
    /// because the arithmetic here is float64).
    /// </summary>
    internal const double Margin = 1 - 1e-9;

    /// <remarks>
    /// Everything runs in float64 on the float32 factors: ‖δᵢ ⊗ aᵢ‖² = ‖δᵢ‖²·‖aᵢ‖², plus ‖δᵢ‖² for the
    /// bias, summed over layers, and each layer's sum is one product (c ⊙ Δ)ᵀ·A. Rounding the noisy
    /// result back to float32 later is post-processing. An example whose gradient is not finite
    /// contributes nothing, so even a diverging model keeps every example's contribution ≤ C.
    /// </remarks>
    public static ClippedSum Of(IReadOnlyList<LayerTrace> traces, double clip)
    {
        using var noGrad = no_grad();
        var deltas = traces.Select(t => t.Deltas.to_type(ScalarType.Float64)).ToList();
        var inputs = traces.Select(t => t.Inputs.to_type(ScalarType.Float64)).ToList();
        var squared = zeros(deltas[0].shape[0], ScalarType.Float64);
        for (var l = 0; l < traces.Count; l++)
        {
            squared.add_(deltas[l].square().sum(dim: 1) * (inputs[l].square().sum(dim: 1) + 1));
        }

        var norms = squared.sqrt();
        var finite = norms.isfinite();
        var factors = where(finite, (clip * Margin / norms).clamp_max(1.0), 0.0).unsqueeze(1);
        var rows = finite.unsqueeze(1);
        var layers = new LayerGradient[traces.Count];
        for (var l = 0; l < traces.Count; l++)
        {
            // where() rather than a product with 0: ∞·0 would be NaN. The dimensions are named
            // because a literal 0 binds to sum(ScalarType), which would sum as Byte.
            var scaled = where(rows, deltas[l] * factors, 0.0);
            var input = where(rows, inputs[l], 0.0);
            layers[l] = new LayerGradient(traces[l].Layer, scaled.t().matmul(input), scaled.sum(dim: 0));
        }

        return new ClippedSum(layers, norms);
    }
}
