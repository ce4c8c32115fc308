namespace FedHealth.Coordinator.Aggregation;

/// <summary>
/// Krum and Multi-Krum (Blanchard et al. 2017): each model is scored by the sum of its squared
/// distances to its n − f − 2 nearest other models; Krum returns the best-scored model, Multi-Krum
/// the unweighted mean of the m = n − f best. The guarantee needs n ≥ 2f + 3 models, which is
/// checked. Ties go to the earlier model, so the result does not depend on anything but the order
/// the caller fixes.
/// </summary>
public sealed class Krum : IRobustAggregator
{
    private readonly int _byzantine;
    private readonly bool _multi;

    /// <param name="byzantine">f, the number of sites that may be arbitrarily bad (≥ 0).</param>
    /// <param name="multi">Average the n − f best models instead of returning the best one.</param>
    public Krum(int byzantine, bool multi)
    {
        _byzantine = byzantine >= 0
            ? byzantine
            : throw new ArgumentOutOfRangeException(nameof(byzantine), byzantine, "The number of Byzantine sites f must be ≥ 0.");
        _multi = multi;
    }

    public string Name => _multi ? "multi-krum" : "krum";

    public float[] Combine(IReadOnlyList<ReadOnlyMemory<float>> models)
    {
        var length = RobustInputs.Length(models);
        var n = models.Count;
        if (n < (2 * _byzantine) + 3)
        {
            throw new InvalidOperationException(
                $"{Name} with f = {_byzantine} needs at least 2f + 3 = {(2 * _byzantine) + 3} site updates but got {n}; lower f (--byzantine) or add sites.");
        }

        var chosen = Ranked(Scores(models, _byzantine)).Take(_multi ? n - _byzantine : 1).ToList();
        var sum = new double[length];
        foreach (var index in chosen)
        {
            var values = models[index].Span;
            for (var i = 0; i < length; i++)
            {
                sum[i] += values[i];
            }
        }

        var result = new float[length];
        for (var i = 0; i < length; i++)
        {
            result[i] = (float)(sum[i] / chosen.Count);
        }

        return result;
    }

    /// <summary>Each model's Krum score: the sum of its n − f − 2 smallest squared distances to the others.</summary>
    public static double[] Scores(IReadOnlyList<ReadOnlyMemory<float>> models, int byzantine)
    {
        var n = models.Count;
        var distances = new double[n, n];
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                distances[a, b] = distances[b, a] = SquaredDistance(models[a].Span, models[b].Span);
            }
        }

        var neighbours = n - byzantine - 2;
        var scores = new double[n];
        for (var a = 0; a < n; a++)
        {
            scores[a] = Enumerable.Range(0, n).Where(b => b != a).Select(b => distances[a, b]).Order().Take(neighbours).Sum();
        }

        return scores;
    }

    private static IEnumerable<int> Ranked(double[] scores) =>
        Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ThenBy(i => i);

    private static double SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = (double)a[i] - b[i];
            sum += d * d;
        }

        return sum;
    }
}
