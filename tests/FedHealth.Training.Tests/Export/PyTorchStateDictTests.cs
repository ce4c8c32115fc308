using System.Collections.Immutable;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;
using FedHealth.Training.Export;

namespace FedHealth.Training.Tests.Export;

public sealed class PyTorchStateDictTests
{
    public static TheoryData<string> Kinds => new() { "logreg", "mlp" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_saved_state_dict_loads_back_to_the_same_weights_bit_for_bit(string kind)
    {
        var spec = kind == "logreg" ? ModelSpec.LogisticRegression(5) : ModelSpec.Mlp(5, 4, 3);
        var weights = Weights(spec);
        var path = Path.Combine(Path.GetTempPath(), $"fedhealth-{Guid.NewGuid():N}.pt");
        try
        {
            PyTorchStateDict.Save(spec, weights, path);

            var loaded = PyTorchStateDict.Load(spec, path);

            Assert.Equal(weights, loaded);
            Assert.Equal(weights.ContentHash(), loaded.ContentHash());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_state_dict_of_another_architecture_is_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fedhealth-{Guid.NewGuid():N}.pt");
        try
        {
            PyTorchStateDict.Save(ModelSpec.LogisticRegression(5), Weights(ModelSpec.LogisticRegression(5)), path);

            var error = Assert.Throws<InvalidDataException>(() => PyTorchStateDict.Load(ModelSpec.Mlp(5, 4), path));

            Assert.Contains("Mlp with 5 inputs", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static ModelWeights Weights(ModelSpec spec)
    {
        var specs = new List<TensorSpec>();
        var width = spec.InputFeatures;
        var prefixes = spec.Kind == ModelKind.LogisticRegression ? ["linear"] : spec.HiddenLayers.Select((_, i) => $"layers.hidden{i}").Append("layers.output").ToArray();
        var widths = spec.Kind == ModelKind.LogisticRegression ? [1] : spec.HiddenLayers.Append(1).ToArray();
        for (var i = 0; i < prefixes.Length; i++)
        {
            specs.Add(new TensorSpec(prefixes[i] + ".weight", ImmutableArray.Create(widths[i], width)));
            specs.Add(new TensorSpec(prefixes[i] + ".bias", ImmutableArray.Create(widths[i])));
            width = widths[i];
        }

        var values = new float[specs.Sum(s => s.ElementCount)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = MathF.Sin(i + 1) / 3;
        }

        return new ModelWeights(specs, values);
    }
}
