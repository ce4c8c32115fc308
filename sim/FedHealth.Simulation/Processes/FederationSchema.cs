using System.Text.Json.Nodes;
using FedHealth.Training.Data;
using FedHealth.Training.Data.Preprocessing;

namespace FedHealth.Simulation.Processes;

/// <summary>
/// The consortium's agreed columns (the <c>Schema</c> section of both configurations): the model's
/// inputs are <see cref="Columns"/> plus a <c>&lt;column&gt;_missing</c> indicator for each of
/// <see cref="MissingIndicators"/>.
/// </summary>
public sealed record FederationSchema(string Label, IReadOnlyList<string> Columns, IReadOnlyList<string> MissingIndicators)
{
    /// <summary>The layout <c>sim</c> builds from the same data: its raw inputs and the columns with a gap at any site.</summary>
    public static FederationSchema From(FeatureLayout layout, string label)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        return new FederationSchema(label, [.. layout.InputNames], [.. layout.IndicatorColumns]);
    }

    public static FederationSchema From(PreparedDataset dataset, string label)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var layout = dataset.Pooling.Count > 0
            ? dataset.Pooling[0].Layout
            : throw new ArgumentException("The dataset does not carry its sites' raw rows and layout.", nameof(dataset));
        return From(layout, label);
    }

    public JsonObject ToJson() => new()
    {
        ["Label"] = Label,
        ["Columns"] = Strings(Columns),
        ["MissingIndicators"] = Strings(MissingIndicators),
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
