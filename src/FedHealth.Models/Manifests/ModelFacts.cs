namespace FedHealth.Models.Manifests;

/// <summary>Figures read out of a manifest's free-form parts (the evaluation copied from report.json).</summary>
public static class ModelFacts
{
    /// <summary>A number of the final evaluation, e.g. <c>pooled_auc</c>; null when absent or not a number.</summary>
    public static double? Metric(ModelManifest manifest, string name)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.Evaluation?[name] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<double>(out var number) ? number : null;
    }
}
