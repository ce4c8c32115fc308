using FedHealth.Core.Training;
using FedHealth.Core.Weights;
using FedHealth.Models.Manifests;

namespace FedHealth.Models.Registry;

/// <summary>
/// A new study started from a stored model (<c>sim --init ID</c>, <c>Coordinator:InitialModel</c>):
/// its weights become round 1's global model once they are known to fit — same architecture, same
/// inputs in the same order — and to hash to the manifest's id.
/// </summary>
public static class WarmStart
{
    /// <param name="what">How the setting is named in messages (<c>--init</c>, <c>Coordinator:InitialModel</c>).</param>
    /// <param name="inputs">The study's model inputs after preprocessing, in the order of the first layer's weights.</param>
    /// <exception cref="ModelStoreException">The model does not fit the study, or its weights do not match its manifest.</exception>
    public static ModelWeights Weights(StoredModel model, ModelSpec study, IReadOnlyList<string> inputs, string what)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(inputs);
        var stored = ManifestLayout.Spec(model.Manifest.Architecture);
        var id = model.Id.Length > 12 ? model.Id[..12] : model.Id;
        if (stored.Kind != study.Kind || !stored.HiddenLayers.SequenceEqual(study.HiddenLayers))
        {
            throw new ModelStoreException($"{what}: model {id} is {Describe(stored)}, but this study trains {Describe(study)} (match --model and --hidden, or start fresh).");
        }

        var trained = model.Manifest.Features.Outputs;
        if (!trained.SequenceEqual(inputs, StringComparer.Ordinal))
        {
            var at = Enumerable.Range(0, Math.Min(trained.Count, inputs.Count)).FirstOrDefault(i => trained[i] != inputs[i], Math.Min(trained.Count, inputs.Count));
            throw new ModelStoreException(
                $"{what}: model {id} was trained on {trained.Count} inputs and this study has {inputs.Count}; they differ at input {at + 1} " +
                $"('{(at < trained.Count ? trained[at] : "none")}' in the model, '{(at < inputs.Count ? inputs[at] : "none")}' in the study).");
        }

        return model.Weights();
    }

    private static string Describe(ModelSpec spec) => spec.Kind == ModelKind.LogisticRegression
        ? "a logistic regression"
        : $"an MLP with hidden layers {string.Join(",", spec.HiddenLayers)}";
}
