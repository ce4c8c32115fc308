using System.Collections.Immutable;
using FedHealth.Core.Data;

namespace FedHealth.Training.Data.Preprocessing;

/// <summary>
/// The model's input columns: the raw features, then one <c>NAME_missing</c> indicator for each
/// column listed in <see cref="IndicatorColumns"/>. Every site must use the same layout, or their
/// weights could not be averaged.
/// </summary>
public sealed class FeatureLayout
{
    public const string MissingSuffix = "_missing";

    public FeatureLayout(IEnumerable<string> inputNames, IEnumerable<string> indicatorColumns)
    {
        ArgumentNullException.ThrowIfNull(inputNames);
        ArgumentNullException.ThrowIfNull(indicatorColumns);
        InputNames = [.. inputNames];
        var wanted = indicatorColumns.ToHashSet(StringComparer.Ordinal);
        var unknown = wanted.Where(n => !InputNames.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Indicator columns not among the features: {string.Join(", ", unknown)}.", nameof(indicatorColumns));
        }

        // Kept in feature order whatever order the caller gave, so equal sets give equal layouts.
        IndicatorColumns = [.. InputNames.Where(wanted.Contains)];
        IndicatorSources = [.. IndicatorColumns.Select(n => InputNames.IndexOf(n))];
        OutputNames = [.. InputNames, .. IndicatorColumns.Select(n => n + MissingSuffix)];
    }

    /// <summary>The raw feature names the layout expects.</summary>
    public ImmutableArray<string> InputNames { get; }

    /// <summary>The raw columns that get a missing-value indicator.</summary>
    public ImmutableArray<string> IndicatorColumns { get; }

    /// <summary>The column names after preprocessing: inputs, then indicators.</summary>
    public ImmutableArray<string> OutputNames { get; }

    /// <summary>For each indicator, the index of its raw column.</summary>
    internal ImmutableArray<int> IndicatorSources { get; }

    /// <summary>
    /// The layout for a federation: an indicator for every column with a missing value in the
    /// training rows of ANY site, so that all sites end up with the same columns.
    /// </summary>
    /// <remarks>
    /// Which columns have gaps somewhere is one bit per column and site; in deployment the
    /// coordinator would gather it as part of study setup (or from a secure OR), not from rows.
    /// </remarks>
    public static FeatureLayout FromSites(IEnumerable<TabularData> trainingParts)
    {
        ArgumentNullException.ThrowIfNull(trainingParts);
        var parts = trainingParts.ToList();
        if (parts.Count == 0)
        {
            throw new ArgumentException("At least one site's training rows are needed.", nameof(trainingParts));
        }

        var names = parts[0].FeatureNames;
        if (parts.Any(p => !p.FeatureNames.SequenceEqual(names)))
        {
            throw new ArgumentException("The sites' feature columns differ.", nameof(trainingParts));
        }

        var missing = new bool[names.Length];
        foreach (var part in parts)
        {
            for (var r = 0; r < part.Rows; r++)
            {
                var row = part.Row(r);
                for (var c = 0; c < row.Length; c++)
                {
                    missing[c] |= float.IsNaN(row[c]);
                }
            }
        }

        return new FeatureLayout(names, names.Where((_, c) => missing[c]));
    }
}
