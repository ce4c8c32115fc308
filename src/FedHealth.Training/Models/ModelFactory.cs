using FedHealth.Core.Training;

namespace FedHealth.Training.Models;

/// <summary>Builds the module for a <see cref="ModelSpec"/>; every site builds the same one.</summary>
internal static class ModelFactory
{
    public static BinaryClassifierModule Create(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.InputFeatures, 1, nameof(spec));
        return spec.Kind switch
        {
            ModelKind.LogisticRegression => new LogisticRegressionModel(spec.InputFeatures),
            ModelKind.Mlp => CreateMlp(spec),
            _ => throw new ArgumentException($"Unknown model kind {spec.Kind}.", nameof(spec)),
        };
    }

    private static MlpModel CreateMlp(ModelSpec spec)
    {
        if (spec.HiddenLayers.Count == 0 || spec.HiddenLayers.Any(w => w < 1))
        {
            throw new ArgumentException(
                $"An MLP needs at least one hidden layer of positive width, got [{string.Join(", ", spec.HiddenLayers)}].",
                nameof(spec));
        }

        return new MlpModel(spec.InputFeatures, spec.HiddenLayers);
    }
}
