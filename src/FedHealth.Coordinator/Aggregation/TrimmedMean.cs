namespace FedHealth.Coordinator.Aggregation;

/// <summary>
/// The coordinate-wise β-trimmed mean (Yin et al. 2018): for each parameter, the ⌊β·n⌋ largest and
/// ⌊β·n⌋ smallest of the n sites' values are dropped and the rest averaged. β = 0 is the plain
/// unweighted mean; with fewer than 1/β sites nothing is trimmed.
/// </summary>
public sealed class TrimmedMean : IRobustAggregator
{
    private readonly double _beta;

    /// <param name="beta">The fraction trimmed from each side, in [0, 0.5).</param>
    public TrimmedMean(double beta)
    {
        _beta = beta >= 0 && beta < 0.5
            ? beta
            : throw new ArgumentOutOfRangeException(nameof(beta), beta, "The trimmed fraction β must be in [0, 0.5).");
    }

    public string Name => "trimmed-mean";

    /// <summary>How many values are dropped from each side for <paramref name="sites"/> sites.</summary>
    public int TrimmedEachSide(int sites) => (int)Math.Floor(_beta * sites);

    public float[] Combine(IReadOnlyList<ReadOnlyMemory<float>> models)
    {
        var length = RobustInputs.Length(models);
        var n = models.Count;
        var k = TrimmedEachSide(n);
        var column = new double[n];
        var result = new float[length];
        for (var i = 0; i < length; i++)
        {
            RobustInputs.SortedColumn(models, i, column);
            double sum = 0;
            for (var s = k; s < n - k; s++)
            {
                sum += column[s];
            }

            result[i] = (float)(sum / (n - (2 * k)));
        }

        return result;
    }
}
