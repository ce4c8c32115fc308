namespace FedHealth.Coordinator.Aggregation;

/// <summary>
/// The coordinate-wise median (Yin et al. 2018; Flower's FedMedian): each parameter is the median of
/// the sites' values, the mean of the two middle ones for an even count. Fewer than half the sites
/// cannot move it beyond the range of the honest values.
/// </summary>
public sealed class CoordinateMedian : IRobustAggregator
{
    public string Name => "median";

    public float[] Combine(IReadOnlyList<ReadOnlyMemory<float>> models)
    {
        var length = RobustInputs.Length(models);
        var n = models.Count;
        var column = new double[n];
        var result = new float[length];
        for (var i = 0; i < length; i++)
        {
            RobustInputs.SortedColumn(models, i, column);
            result[i] = (float)(n % 2 == 1 ? column[n / 2] : (column[(n / 2) - 1] + column[n / 2]) / 2);
        }

        return result;
    }
}
