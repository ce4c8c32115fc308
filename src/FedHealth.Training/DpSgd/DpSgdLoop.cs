using FedHealth.Core.Training;
using FedHealth.Privacy.Sampling;
using FedHealth.Training.Models;
using FedHealth.Training.Trainer;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedHealth.Training.DpSgd;

/// <summary>
/// DP-SGD (Abadi et al. 2016) as the accountant's subsampled Gaussian mechanism assumes it: each
/// step Poisson-samples the rows with rate q, clips every per-example gradient to norm C, adds
/// N(0, σ²C²) to every coordinate of the sum, divides by the expected batch size q·n and lets the
/// optimizer step with that gradient.
/// </summary>
/// <remarks>
/// The divisor is the fixed q·n, as in Opacus, and not the realised batch size: that size is a
/// count of the sampled records, so dividing by it would publish it, noise-free, inside every
/// update. With q·n the noisy sum is the only thing that depends on the data, and the optimizer's
/// step (SGD or Adam) is post-processing of it. An empty sample still takes a noise-only step, so
/// the number of steps does not depend on the data either.
/// </remarks>
internal sealed class DpSgdLoop
{
    private readonly BinaryClassifierModule _module;
    private readonly optim.Optimizer _optimizer;
    private readonly DpSgdConfig _dp;
    private readonly IRandomSource _random;
    private readonly GaussianSampler _gaussian;
    private readonly IReadOnlyList<Linear> _layers;
    private readonly ProximalTerm? _proximal;

    /// <param name="random">Draws both the Poisson samples and the noise: a CSPRNG.</param>
    /// <param name="proximal">FedProx's term, added to the privatized gradient; null for none.</param>
    public DpSgdLoop(BinaryClassifierModule module, optim.Optimizer optimizer, DpSgdConfig dp, IRandomSource random, ProximalTerm? proximal = null)
    {
        _proximal = proximal;
        _module = module;
        _optimizer = optimizer;
        _dp = dp;
        _random = random;
        _gaussian = new GaussianSampler(random);
        _layers = CoveredLayers(module);
    }

    /// <summary>Takes one DP-SGD step on the rows (<paramref name="features"/> [n × d], <paramref name="labels"/> [n × 1]).</summary>
    public void Step(Tensor features, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var rows = checked((int)features.shape[0]);
        var sample = PoissonSubsampler.Sample(_random, rows, _dp.SamplingRate);
        var sums = sample.Length == 0 ? ZeroSums() : ClippedSumOf(features, labels, sample);
        var expectedBatch = _dp.SamplingRate * rows;
        using (no_grad())
        {
            foreach (var sum in sums)
            {
                sum.Layer.weight!.grad = Privatize(sum.Weight, expectedBatch);
                sum.Layer.bias!.grad = Privatize(sum.Bias, expectedBatch);
            }
        }

        // FedProx's gradient μ·(w − w_global) depends only on the weights (which are already
        // private: they are the previous steps' post-processed outputs) and the global model, never
        // on a record, so it is added after clipping and noise, like the optimizer's own arithmetic.
        // Clipping it with the per-example gradients would bias it and spend no less privacy.
        _proximal?.AddGradient();

        _optimizer.step();
    }

    /// <summary>The clipped sum of the sampled rows' gradients.</summary>
    private IReadOnlyList<LayerGradient> ClippedSumOf(Tensor features, Tensor labels, int[] sample)
    {
        var index = TensorFactory.Int64(Array.ConvertAll(sample, i => (long)i));
        var traces = PerExampleGradients.Trace(_module, features.index_select(0, index), labels.index_select(0, index));
        return ClippedSum.Of(traces, _dp.ClipNorm).Layers;
    }

    /// <summary>(sum + N(0, σ²C²) per coordinate) / q·n, as float32 for the parameter's gradient.</summary>
    private Tensor Privatize(Tensor sum, double expectedBatch)
    {
        var noisy = sum;
        if (_dp.NoiseMultiplier > 0)
        {
            var deviation = _dp.NoiseMultiplier * _dp.ClipNorm;
            var noise = new double[sum.numel()];
            for (var i = 0; i < noise.Length; i++)
            {
                noise[i] = _gaussian.Next(deviation);
            }

            noisy = sum + TensorFactory.Float64(noise, sum.shape);
        }

        return (noisy / expectedBatch).to_type(ScalarType.Float32);
    }

    private List<LayerGradient> ZeroSums() =>
        _layers.Select(l => new LayerGradient(
            l,
            zeros(l.weight!.shape, ScalarType.Float64),
            zeros(l.bias!.shape, ScalarType.Float64))).ToList();

    /// <summary>
    /// The linear layers, checked to hold every parameter of the module: a parameter outside them
    /// would get no gradient here and silently stop training.
    /// </summary>
    private static List<Linear> CoveredLayers(BinaryClassifierModule module)
    {
        var layers = module.Stages().OfType<Linear>().ToList();
        if (layers.Any(l => l.bias is null))
        {
            throw new InvalidOperationException("DP-SGD expects every linear layer of the model to have a bias.");
        }

        var inLayers = layers.Sum(l => l.weight!.numel() + l.bias!.numel());
        var all = module.parameters().Sum(p => p.numel());
        if (inLayers != all)
        {
            throw new InvalidOperationException(
                $"DP-SGD computes gradients for linear layers only, but {module.GetType().Name} has {all - inLayers} other parameters.");
        }

        return layers;
    }
}
