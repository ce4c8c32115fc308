namespace FedHealth.Training.Data.Preprocessing.Federated;

/// <summary>
/// One raw column's share of <see cref="SufficientStatistics"/>: how many rows have a value in it,
/// and the sum and sum of squares of those values. For a one-hot <c>name=level</c> column (0/1, never
/// missing) <see cref="Sum"/> is the number of rows in that category.
/// </summary>
public readonly record struct ColumnSums(long Observed, double Sum, double SumOfSquares)
{
    public static ColumnSums Add(ColumnSums left, ColumnSums right) =>
        new(left.Observed + right.Observed, left.Sum + right.Sum, left.SumOfSquares + right.SumOfSquares);
}
