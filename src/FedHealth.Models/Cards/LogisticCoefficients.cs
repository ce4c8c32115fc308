using FedHealth.Core.Weights;
using FedHealth.Models.Manifests;

namespace FedHealth.Models.Cards;

/// <summary>
/// A logistic regression's feature effects. The model sees standardised inputs z = (x − mean) / sd,
/// so its weight w is the change in log-odds per SD of x, and w / sd the change per unit of x.
/// </summary>
public static class LogisticCoefficients
{
    public const string WeightTensor = "linear.weight";

    /// <summary>The effects sorted by the magnitude of the per-SD coefficient, largest first.</summary>
    public static IReadOnlyList<FeatureEffect> Effects(ModelManifest manifest, ModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(weights);
        if (manifest.Architecture.Kind != ManifestLayout.LogisticRegression)
        {
            throw new ArgumentException($"Coefficients are those of a logistic regression, not of a {manifest.Architecture.Kind}.", nameof(manifest));
        }

        var w = weights.Tensor(WeightTensor);
        var names = manifest.Features.Outputs;
        var deviations = manifest.Preprocessing.Statistics?.StandardDeviations;
        var effects = new List<FeatureEffect>(names.Count);
        for (var j = 0; j < names.Count; j++)
        {
            double perSd = w[j];
            double? perUnit = deviations is null ? null : perSd / deviations[j];
            effects.Add(new FeatureEffect(names[j], perSd, Math.Exp(perSd), perUnit, perUnit is { } u ? Math.Exp(u) : null));
        }

        return [.. effects.OrderByDescending(e => Math.Abs(e.PerSd)).ThenBy(e => e.Feature, StringComparer.Ordinal)];
    }
}
