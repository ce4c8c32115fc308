using System.Collections.Immutable;
using FedHealth.Core.Data;

namespace FedHealth.Training.Data.Preprocessing.Federated;

/// <summary>
/// What a site contributes to pooled preprocessing statistics, from its RAW training rows (before
/// imputation): the row count and, per raw input column, the count of observed values, Σx and Σx².
/// Additive: the statistics of two blocks of rows add up to those of the blocks together, which is
/// what lets the secure sum pool them without revealing any one site's.
/// </summary>
public sealed class SufficientStatistics
{
    public SufficientStatistics(long rows, IEnumerable<ColumnSums> columns, double sumError = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentNullException.ThrowIfNull(columns);
        if (!(sumError >= 0) || double.IsInfinity(sumError))
        {
            throw new ArgumentOutOfRangeException(nameof(sumError), sumError, "The error bound must be finite and non-negative.");
        }

        Rows = rows;
        Columns = [.. columns];
        SumError = sumError;
        for (var c = 0; c < Columns.Length; c++)
        {
            var column = Columns[c];
            if (column.Observed < 0 || column.Observed > rows)
            {
                throw new ArgumentException($"Raw column {c} has {column.Observed} observed values among {rows} rows.", nameof(columns));
            }

            if (!double.IsFinite(column.Sum) || !double.IsFinite(column.SumOfSquares) || column.SumOfSquares < 0)
            {
                throw new ArgumentException($"Raw column {c} needs a finite sum and a finite, non-negative sum of squares.", nameof(columns));
            }
        }
    }

    public long Rows { get; }

    /// <summary>Per raw input column, in the layout's input order.</summary>
    public ImmutableArray<ColumnSums> Columns { get; }

    /// <summary>
    /// How far each Σx and Σx² may be from the exact sums over the rows because of the fixed-point
    /// steps of the secure sum (<see cref="StatisticsEncoding"/>): 0 for statistics of rows, half a
    /// step per site after decoding. It tells <see cref="PooledFeatureStatistics"/> which spread is
    /// rounding rather than data.
    /// </summary>
    public double SumError { get; }

    /// <summary>Rows without a value in raw column <paramref name="column"/>.</summary>
    public long Missing(int column) => Rows - Columns[column].Observed;

    /// <summary>The statistics of <paramref name="train"/>, a site's raw training rows (NaN = missing).</summary>
    public static SufficientStatistics FromTraining(TabularData train, FeatureLayout layout)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(layout);
        LayoutCheck.Inputs(train, layout, nameof(train));
        var observed = new long[train.Columns];
        var sums = new CompensatedSum[train.Columns];
        var squares = new CompensatedSum[train.Columns];
        for (var r = 0; r < train.Rows; r++)
        {
            var row = train.Row(r);
            for (var c = 0; c < row.Length; c++)
            {
                double x = row[c];
                if (!double.IsNaN(x))
                {
                    observed[c]++;
                    sums[c].Add(x);

                    // Exact: a float's square fits in a double's mantissa.
                    squares[c].Add(x * x);
                }
            }
        }

        return new SufficientStatistics(
            train.Rows, observed.Select((n, c) => new ColumnSums(n, sums[c].Value, squares[c].Value)));
    }

    /// <summary>The statistics of the rows of <paramref name="left"/> and <paramref name="right"/> together.</summary>
    public static SufficientStatistics Add(SufficientStatistics left, SufficientStatistics right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Columns.Length != right.Columns.Length)
        {
            throw new ArgumentException(
                $"Statistics of {left.Columns.Length} and {right.Columns.Length} raw columns cannot be added.", nameof(right));
        }

        return new SufficientStatistics(
            left.Rows + right.Rows, left.Columns.Zip(right.Columns, ColumnSums.Add), left.SumError + right.SumError);
    }
}
