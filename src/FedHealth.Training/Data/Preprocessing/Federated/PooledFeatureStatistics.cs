using System.Collections.Immutable;

namespace FedHealth.Training.Data.Preprocessing.Federated;

/// <summary>
/// <see cref="FeatureStatistics"/> from statistics pooled over all sites, so that every site imputes
/// and standardises identically. Gaps take the pooled MEAN of the column's observed values, not the
/// median of per-site preprocessing: a pooled median would need a secure histogram.
/// </summary>
/// <remarks>
/// Deviations follow the rule of <see cref="FeatureStatistics"/> (a (near-)constant column gets 1),
/// where "constant" also covers a spread no larger than the sums can resolve: computed from sums
/// rather than from rows, a constant column of non-integer values would otherwise come out with a
/// tiny deviation made of rounding.
/// </remarks>
public static class PooledFeatureStatistics
{
    // 2^−44.
    private const double FloatSpread = 5.684341886080802e-14;

    /// <summary>
    /// The statistics that <see cref="FeatureStatistics.FromTraining"/> would compute on all sites'
    /// training rows together if it imputed with the mean, in closed form from the sums.
    /// </summary>
    public static FeatureStatistics From(SufficientStatistics pooled, FeatureLayout layout)
    {
        ArgumentNullException.ThrowIfNull(pooled);
        ArgumentNullException.ThrowIfNull(layout);
        var inputs = layout.InputNames.Length;
        if (pooled.Columns.Length != inputs)
        {
            throw new ArgumentException($"Statistics of {pooled.Columns.Length} raw columns do not fit a layout of {inputs} inputs.", nameof(pooled));
        }

        var imputation = pooled.Columns.Select(ImputationValue).ToImmutableArray();
        var means = new double[layout.OutputNames.Length];
        var deviations = new double[means.Length];
        for (var c = 0; c < inputs; c++)
        {
            (means[c], deviations[c]) = Imputed(pooled.Columns[c], pooled.Rows, imputation[c], pooled.SumError);
        }

        for (var i = 0; i < layout.IndicatorSources.Length; i++)
        {
            (means[inputs + i], deviations[inputs + i]) = Indicator(pooled.Missing(layout.IndicatorSources[i]), pooled.Rows);
        }

        return new FeatureStatistics(imputation, [.. means], [.. deviations]);
    }

    // A column with no value at any site imputes 0, as in per-site preprocessing.
    private static double ImputationValue(ColumnSums column) =>
        column.Observed == 0 ? 0 : column.Sum / column.Observed;

    // The observed values and the imputed ones are two groups whose means and centred sums of
    // squares combine (Chan et al.'s parallel variance).
    private static (double Mean, double Deviation) Imputed(ColumnSums column, long rows, double imputed, double sumError)
    {
        if (rows == 0)
        {
            return (0, 1);
        }

        var missing = rows - column.Observed;
        var mean = (column.Sum + (missing * imputed)) / rows;
        var spread = missing * (imputed - mean) * (imputed - mean);
        if (column.Observed > 0)
        {
            var observedMean = column.Sum / column.Observed;
            spread += Centred(column, observedMean, sumError) + (column.Observed * (observedMean - mean) * (observedMean - mean));
        }

        return (mean, FeatureStatistics.UsableDeviation(mean, Math.Sqrt(spread / rows)));
    }

    // Σx² − Σx·mean cancels down to whatever error the sums carry, so a value within that error is
    // no spread: the column is constant (and gets deviation 1) rather than divided by noise. The
    // sums' fixed-point error E moves it by up to E·(1 + 2|mean|) + E²/n; and values that are floats
    // (24-bit mantissa) make a spread below 2^−44·Σx², a deviation under about 4 float steps of the
    // values' size, meaningless too (it also covers the doubles' rounding).
    private static double Centred(ColumnSums column, double mean, double sumError)
    {
        var centred = column.SumOfSquares - (column.Sum * mean);
        var noise = (sumError * (1 + (2 * Math.Abs(mean)))) + (sumError * sumError / column.Observed) + (FloatSpread * column.SumOfSquares);
        return centred <= noise ? 0 : centred;
    }

    // A 0/1 column with a fraction p of ones: mean p, population deviation √(p(1 − p)).
    private static (double Mean, double Deviation) Indicator(long missing, long rows)
    {
        if (rows == 0)
        {
            return (0, 1);
        }

        var p = (double)missing / rows;
        return (p, FeatureStatistics.UsableDeviation(p, Math.Sqrt(p * (1 - p))));
    }
}
