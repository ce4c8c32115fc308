using FedHealth.Training.DpSgd;
using FedHealth.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace FedHealth.Training.Tests.Support;

/// <summary>
/// The slow, obviously correct per-example gradients the factored ones are checked against, as
/// [batch × parameters] matrices in the module's parameter order.
/// </summary>
internal static class PerExampleReference
{
    /// <summary>One backward pass per example, on that example alone.</summary>
    public static float[,] Autograd(BinaryClassifierModule module, Tensor features, Tensor labels)
    {
        var rows = checked((int)features.shape[0]);
        var parameters = module.parameters().ToList();
        var width = checked((int)parameters.Sum(p => p.numel()));
        var result = new float[rows, width];
        for (var i = 0; i < rows; i++)
        {
            using var scope = NewDisposeScope();
            module.zero_grad();
            var x = features.narrow(0, i, 1);
            var y = labels.narrow(0, i, 1);
            nn.functional.binary_cross_entropy_with_logits(module.forward(x), y).backward();
            var column = 0;
            foreach (var p in parameters)
            {
                foreach (var g in p.grad!.flatten().data<float>())
                {
                    result[i, column++] = g;
                }
            }
        }

        module.zero_grad();
        return result;
    }

    /// <summary>Every example's δᵢ ⊗ aᵢ and δᵢ, written out layer by layer.</summary>
    public static float[,] Materialize(IReadOnlyList<LayerTrace> traces)
    {
        using var scope = NewDisposeScope();
        var rows = traces[0].Deltas.shape[0];
        var blocks = traces.SelectMany(t => new[]
        {
            (t.Deltas.unsqueeze(2) * t.Inputs.unsqueeze(1)).reshape(rows, -1),
            t.Deltas,
        }).ToList();
        var matrix = cat(blocks, 1).contiguous();
        var width = checked((int)matrix.shape[1]);
        var values = matrix.data<float>().ToArray();
        var result = new float[rows, width];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < width; j++)
            {
                result[i, j] = values[(i * width) + j];
            }
        }

        return result;
    }

    public static float[] Row(float[,] matrix, int row) =>
        Enumerable.Range(0, matrix.GetLength(1)).Select(j => matrix[row, j]).ToArray();

    public static float[] Flatten(float[,] matrix) => matrix.Cast<float>().ToArray();
}
