using FedHealth.Core.Training;
using FedHealth.Privacy.Clipping;
using FedHealth.Training.DpSgd;
using FedHealth.Training.Models;
using FedHealth.Training.Tests.Support;
using FedHealth.Training.Trainer;
using static TorchSharp.torch;

namespace FedHealth.Training.Tests.DpSgd;

public sealed class ClippedSumTests
{
    private static readonly ModelSpec Mlp = ModelSpec.Mlp(6, 10, 4);
    private readonly LocalTrainer _trainer = new();

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.5)]
    [InlineData(1e6)]
    public void The_clipped_sum_equals_the_privacy_librarys_clip_and_sum_of_the_materialised_gradients(double clip)
    {
        using var scope = NewDisposeScope();
        var (module, traces, rows) = Traces(margin: 3.0);
        using var owner = module;
        var gradients = PerExampleReference.Materialize(traces);
        var expected = new float[gradients.GetLength(1)];
        PerExampleClipping.ClipAndSum(PerExampleReference.Flatten(gradients), rows, clip, expected);

        var actual = Flat(ClippedSum.Of(traces, clip));

        var scale = expected.Max(Math.Abs);
        for (var j = 0; j < expected.Length; j++)
        {
            Assert.Equal(expected[j] / scale, actual[j] / scale, 1e-5);
        }
    }

    [Fact]
    public void Every_example_is_clipped_to_C_so_the_sum_has_norm_at_most_the_sample_size_times_C()
    {
        using var scope = NewDisposeScope();
        const double clip = 0.05;
        var (module, traces, rows) = Traces(margin: 10.0);
        using var owner = module;
        var gradients = PerExampleReference.Materialize(traces);

        var sum = ClippedSum.Of(traces, clip);

        // Large features make every gradient far longer than C: the bound is then tight-ish.
        var norms = sum.Norms.data<double>().ToArray();
        Assert.All(norms, n => Assert.True(n > 10 * clip, $"norm {n}"));
        for (var i = 0; i < rows; i++)
        {
            var row = PerExampleReference.Row(gradients, i);
            Assert.Equal(L2Clipping.Norm(row), norms[i], 1e-4 * norms[i]);
            var clipped = row.Select(g => g * Math.Min(1, clip / norms[i]));
            Assert.True(Math.Sqrt(clipped.Sum(g => g * g)) <= clip * (1 + 1e-6));
        }

        var total = Math.Sqrt(Flat(sum).Sum(g => g * g));
        Assert.True(total <= rows * clip, $"‖Σ clipped‖ = {total} > {rows} · {clip}");
        Assert.True(total > rows * clip / 2, $"‖Σ clipped‖ = {total}: the aligned gradients should nearly add up");
    }

    [Fact]
    public void An_example_with_a_non_finite_gradient_contributes_nothing()
    {
        using var scope = NewDisposeScope();
        var (module, traces, rows) = Traces(margin: 1.0);
        using var owner = module;
        var poisoned = traces.Select((t, l) =>
        {
            var deltas = t.Deltas.clone();
            if (l == 0)
            {
                deltas[0, 0].fill_(float.PositiveInfinity);
            }

            return t with { Deltas = deltas };
        }).ToList();
        var without = traces.Select(t => t with { Inputs = t.Inputs.narrow(0, 1, rows - 1), Deltas = t.Deltas.narrow(0, 1, rows - 1) }).ToList();

        var actual = Flat(ClippedSum.Of(poisoned, 1.0));
        var expected = Flat(ClippedSum.Of(without, 1.0));

        for (var j = 0; j < expected.Length; j++)
        {
            Assert.Equal(expected[j], actual[j], 1e-12);
        }
    }

    private (BinaryClassifierModule Module, IReadOnlyList<LayerTrace> Traces, int Rows) Traces(double margin)
    {
        var data = SyntheticRows.Blobs(16, 6, seed: 8, margin: margin);
        var module = ModelFactory.Create(Mlp);
        ModuleWeights.Write(module, _trainer.Initialize(Mlp, 2));
        module.train();
        var traces = PerExampleGradients.Trace(
            module, TensorFactory.Float32(data.Features, data.Rows, data.Columns), TensorFactory.LabelColumn(data.Labels));
        return (module, traces, data.Rows);
    }

    /// <summary>The per-layer sums in the module's parameter order (weight, bias, next layer, …).</summary>
    private static double[] Flat(ClippedSum sum) =>
        sum.Layers.SelectMany(l => l.Weight.contiguous().data<double>().ToArray().Concat(l.Bias.data<double>().ToArray())).ToArray();
}
