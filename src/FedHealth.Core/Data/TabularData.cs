using System.Collections.Immutable;

namespace FedHealth.Core.Data;

/// <summary>
/// A block of patient rows: numeric features row-major (NaN marks a missing value) and binary labels.
/// Never leaves the site that holds it.
/// </summary>
public sealed class TabularData
{
    public TabularData(IEnumerable<string> featureNames, float[] features, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        FeatureNames = featureNames.ToImmutableArray();
        if (features.Length != labels.Length * FeatureNames.Length)
        {
            throw new ArgumentException(
                $"{labels.Length} rows of {FeatureNames.Length} features need {labels.Length * FeatureNames.Length} values, got {features.Length}.",
                nameof(features));
        }

        foreach (var label in labels)
        {
            if (label is not (0 or 1))
            {
                throw new ArgumentException($"Labels must be 0 or 1, found {label}.", nameof(labels));
            }
        }

        Features = features;
        Labels = labels;
    }

    public ImmutableArray<string> FeatureNames { get; }

    /// <summary>Row-major features: row r, column c is at r * Columns + c.</summary>
    public float[] Features { get; }

    public int[] Labels { get; }

    public int Rows => Labels.Length;

    public int Columns => FeatureNames.Length;

    public int Positives => Labels.Count(l => l == 1);

    public ReadOnlySpan<float> Row(int r) => Features.AsSpan(r * Columns, Columns);

    /// <summary>The rows at the given indices, in that order (copied).</summary>
    public TabularData Select(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var features = new float[rows.Count * Columns];
        var labels = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            Row(rows[i]).CopyTo(features.AsSpan(i * Columns, Columns));
            labels[i] = Labels[rows[i]];
        }

        return new TabularData(FeatureNames, features, labels);
    }

    public static TabularData Empty(IEnumerable<string> featureNames) => new(featureNames, [], []);
}
