using System.Collections.Immutable;
using FedHealth.Core.Training;
using FedHealth.Core.Weights;

namespace FedHealth.Models.Manifests;

/// <summary>Between the manifest's architecture and the training types: model spec and tensor layout.</summary>
public static class ManifestLayout
{
    public const string LogisticRegression = "logreg";

    public const string Mlp = "mlp";

    public static ArchitectureInfo Describe(ModelSpec spec, ModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(weights);
        return new ArchitectureInfo(
            spec.Kind == ModelKind.LogisticRegression ? LogisticRegression : Mlp,
            spec.InputFeatures,
            [.. spec.HiddenLayers],
            [.. weights.Specs.Select(s => new ParameterInfo(s.Name, [.. s.Shape]))]);
    }

    /// <exception cref="ModelStoreException">The kind is not one this version builds.</exception>
    public static ModelSpec Spec(ArchitectureInfo architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return architecture.Kind switch
        {
            LogisticRegression => ModelSpec.LogisticRegression(architecture.InputFeatures),
            Mlp => ModelSpec.Mlp(architecture.InputFeatures, [.. architecture.Hidden]),
            _ => throw new ModelStoreException($"Unknown model kind '{architecture.Kind}' (this fedhealth builds '{LogisticRegression}' and '{Mlp}')."),
        };
    }

    public static IReadOnlyList<TensorSpec> Specs(ArchitectureInfo architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return [.. architecture.Parameters.Select(p => new TensorSpec(p.Name, [.. p.Shape]))];
    }
}
