using System.Collections.Immutable;
using FedHealth.Core.Weights;
using static TorchSharp.torch;

namespace FedHealth.Training.Models;

/// <summary>
/// The boundary between a module and <see cref="ModelWeights"/>: tensor names are the module's
/// parameter names, shapes are kept, values are float32 copied span to span.
/// </summary>
internal static class ModuleWeights
{
    public static ModelWeights Read(nn.Module module)
    {
        var parameters = module.named_parameters().ToList();
        var specs = parameters
            .Select(p => SpecOf(p.Item1, p.Item2))
            .ToList();
        var values = new float[specs.Sum(s => s.ElementCount)];
        var offset = 0;
        for (var i = 0; i < parameters.Count; i++)
        {
            var count = specs[i].ElementCount;
            using var accessor = Float32(parameters[i].Item2).data<float>();
            accessor.CopyTo(values.AsSpan(offset, count));
            offset += count;
        }

        return new ModelWeights(specs, values);
    }

    public static void Write(nn.Module module, ModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var parameters = module.named_parameters().ToList();
        var expected = parameters
            .Select(p => SpecOf(p.Item1, p.Item2))
            .ToList();
        if (!expected.SequenceEqual(weights.Specs))
        {
            throw new ArgumentException(
                $"The weights [{string.Join(", ", weights.Specs)}] do not fit the model [{string.Join(", ", expected)}].",
                nameof(weights));
        }

        foreach (var (name, parameter) in parameters)
        {
            using var accessor = Float32(parameter).data<float>();
            accessor.CopyFrom(weights.Tensor(name));
        }
    }

    private static TensorSpec SpecOf(string name, Tensor parameter) =>
        new(name, parameter.shape.Select(d => checked((int)d)).ToImmutableArray());

    private static Tensor Float32(Tensor parameter) =>
        parameter.dtype == ScalarType.Float32 && parameter.is_contiguous()
            ? parameter
            : throw new InvalidOperationException($"Parameters must be contiguous float32, found {parameter.dtype}.");
}
