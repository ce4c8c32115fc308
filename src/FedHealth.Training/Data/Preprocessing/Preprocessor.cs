using FedHealth.Core.Data;

namespace FedHealth.Training.Data.Preprocessing;

/// <summary>
/// Imputation, missing-value indicators and standardisation, with statistics from TRAINING rows
/// (a site's own, FLamby's per-center normalisation, or pooled over all sites) applied unchanged to
/// train and test rows, so no test information leaks into training.
/// </summary>
public sealed class Preprocessor
{
    private Preprocessor(FeatureLayout layout, FeatureStatistics statistics)
    {
        Layout = layout;
        Statistics = statistics;
    }

    public FeatureLayout Layout { get; }

    public FeatureStatistics Statistics { get; }

    /// <summary>Fits on training rows only; pass the layout shared by all sites (<see cref="FeatureLayout.FromSites"/>).</summary>
    public static Preprocessor Fit(TabularData train, FeatureLayout layout) =>
        new(layout, FeatureStatistics.FromTraining(train, layout));

    /// <summary>Uses statistics obtained elsewhere, e.g. from a federated sum over sites.</summary>
    public static Preprocessor FromStatistics(FeatureLayout layout, FeatureStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(statistics);
        if (statistics.ImputationValues.Length != layout.InputNames.Length ||
            statistics.Means.Length != layout.OutputNames.Length ||
            statistics.StandardDeviations.Length != layout.OutputNames.Length)
        {
            throw new ArgumentException(
                $"Statistics for {statistics.ImputationValues.Length} inputs and {statistics.Means.Length} outputs do not fit a layout of " +
                $"{layout.InputNames.Length} inputs and {layout.OutputNames.Length} outputs.", nameof(statistics));
        }

        if (statistics.StandardDeviations.Any(s => !(s > 0) || !double.IsFinite(s)) ||
            statistics.Means.Concat(statistics.ImputationValues).Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("Statistics must be finite and deviations positive.", nameof(statistics));
        }

        return new Preprocessor(layout, statistics);
    }

    /// <summary>Rows in the layout's output columns: imputed, with indicators, standardised.</summary>
    public TabularData Transform(TabularData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        LayoutCheck.Inputs(data, Layout, nameof(data));
        var values = MissingValueImputer.Expand(data, Layout, Statistics.ImputationValues);
        var width = Layout.OutputNames.Length;
        for (var i = 0; i < values.Length; i++)
        {
            var c = i % width;
            values[i] = (float)((values[i] - Statistics.Means[c]) / Statistics.StandardDeviations[c]);
        }

        return new TabularData(Layout.OutputNames, values, data.Labels.ToArray());
    }
}
