namespace FedHealth.Coordinator.Aggregation;

/// <summary>Checks shared by the robust aggregators.</summary>
internal static class RobustInputs
{
    /// <summary>The common length of the models; throws when there are none or they differ.</summary>
    public static int Length(IReadOnlyList<ReadOnlyMemory<float>> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0)
        {
            throw new ArgumentException("There are no models to combine.", nameof(models));
        }

        var length = models[0].Length;
        if (models.Any(m => m.Length != length))
        {
            throw new ArgumentException("Cannot combine models of different lengths.", nameof(models));
        }

        return length;
    }

    /// <summary>Coordinate <paramref name="i"/> of every model, sorted ascending, into <paramref name="column"/>.</summary>
    public static void SortedColumn(IReadOnlyList<ReadOnlyMemory<float>> models, int i, double[] column)
    {
        for (var s = 0; s < column.Length; s++)
        {
            column[s] = models[s].Span[i];
        }

        Array.Sort(column);
    }
}
