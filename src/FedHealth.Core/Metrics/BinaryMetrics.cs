namespace FedHealth.Core.Metrics;

/// <summary>Exact metrics of probabilistic binary predictions.</summary>
public static class BinaryMetrics
{
    /// <summary>Fraction of rows where (score ≥ 0.5) equals the label. NaN for no rows.</summary>
    public static double Accuracy(ReadOnlySpan<float> scores, ReadOnlySpan<int> labels)
    {
        CheckLengths(scores, labels);
        if (scores.Length == 0)
        {
            return double.NaN;
        }

        var correct = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if ((scores[i] >= 0.5f ? 1 : 0) == labels[i])
            {
                correct++;
            }
        }

        return (double)correct / scores.Length;
    }

    /// <summary>
    /// ROC AUC by the rank-sum (Mann–Whitney) formula with average ranks for ties.
    /// NaN when either class is absent.
    /// </summary>
    public static double Auc(ReadOnlySpan<float> scores, ReadOnlySpan<int> labels)
    {
        CheckLengths(scores, labels);
        var n = scores.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var keys = scores.ToArray();
        Array.Sort(keys, order);
        double rankSumPos = 0;
        long pos = 0;
        var start = 0;
        while (start < n)
        {
            var end = start;
            while (end + 1 < n && keys[end + 1] == keys[start])
            {
                end++;
            }

            var averageRank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                if (labels[order[k]] == 1)
                {
                    rankSumPos += averageRank;
                    pos++;
                }
            }

            start = end + 1;
        }

        var neg = n - pos;
        if (pos == 0 || neg == 0)
        {
            return double.NaN;
        }

        return (rankSumPos - (pos * (pos + 1) / 2.0)) / ((double)pos * neg);
    }

    /// <summary>Mean binary cross-entropy of probabilities, clamped away from 0 and 1.</summary>
    public static double LogLoss(ReadOnlySpan<float> scores, ReadOnlySpan<int> labels)
    {
        CheckLengths(scores, labels);
        if (scores.Length == 0)
        {
            return double.NaN;
        }

        const double eps = 1e-7;
        double sum = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var p = Math.Clamp(scores[i], eps, 1 - eps);
            sum -= labels[i] == 1 ? Math.Log(p) : Math.Log(1 - p);
        }

        return sum / scores.Length;
    }

    private static void CheckLengths(ReadOnlySpan<float> scores, ReadOnlySpan<int> labels)
    {
        if (scores.Length != labels.Length)
        {
            throw new ArgumentException($"{scores.Length} scores but {labels.Length} labels.", nameof(labels));
        }
    }
}
