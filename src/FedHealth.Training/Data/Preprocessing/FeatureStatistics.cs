using System.Collections.Immutable;
using FedHealth.Core.Data;

namespace FedHealth.Training.Data.Preprocessing;

/// <summary>
/// What preprocessing needs to know about training rows: the value that fills a gap in each raw
/// column (to impute), and the mean and standard deviation of each output column after imputation
/// (to standardise).
/// </summary>
/// <remarks>
/// <see cref="FromTraining"/> computes them from one site's own training rows (median imputation);
/// <see cref="Federated.PooledFeatureStatistics.From"/> from sums pooled over all sites by the
/// secure sum (mean imputation). Either goes to <see cref="Preprocessor.FromStatistics"/>.
/// </remarks>
public sealed record FeatureStatistics(
    ImmutableArray<double> ImputationValues,
    ImmutableArray<double> Means,
    ImmutableArray<double> StandardDeviations)
{
    /// <summary>
    /// Statistics of <paramref name="train"/>, which must be training rows only: gaps take the
    /// median of the column's observed values.
    /// </summary>
    public static FeatureStatistics FromTraining(TabularData train, FeatureLayout layout)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(layout);
        LayoutCheck.Inputs(train, layout, nameof(train));
        var medians = Enumerable.Range(0, train.Columns).Select(c => Median(train, c)).ToImmutableArray();
        var expanded = MissingValueImputer.Expand(train, layout, medians);
        var width = layout.OutputNames.Length;
        var means = new double[width];
        var deviations = new double[width];
        for (var c = 0; c < width; c++)
        {
            (means[c], deviations[c]) = MeanAndDeviation(expanded, train.Rows, width, c);
        }

        return new FeatureStatistics(medians, [.. means], [.. deviations]);
    }

    // A column with no value at all in the training rows imputes 0: it then carries no
    // information at this site, which is the truth.
    private static double Median(TabularData data, int column)
    {
        var values = new List<double>(data.Rows);
        for (var r = 0; r < data.Rows; r++)
        {
            var v = data.Row(r)[column];
            if (!float.IsNaN(v))
            {
                values.Add(v);
            }
        }

        if (values.Count == 0)
        {
            return 0;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    // Population deviation, as scikit-learn's StandardScaler and FLamby use.
    private static (double Mean, double Deviation) MeanAndDeviation(float[] values, int rows, int width, int column)
    {
        if (rows == 0)
        {
            return (0, 1);
        }

        double sum = 0;
        for (var r = 0; r < rows; r++)
        {
            sum += values[(r * width) + column];
        }

        var mean = sum / rows;
        double squares = 0;
        for (var r = 0; r < rows; r++)
        {
            var d = values[(r * width) + column] - mean;
            squares += d * d;
        }

        var deviation = Math.Sqrt(squares / rows);
        return (mean, UsableDeviation(mean, deviation));
    }

    /// <summary>
    /// The deviation to divide by: a (near-)constant column gets 1, so that it maps to zeros instead
    /// of blowing rounding noise up.
    /// </summary>
    internal static double UsableDeviation(double mean, double deviation) =>
        deviation <= 1e-9 * Math.Max(1, Math.Abs(mean)) ? 1 : deviation;
}
