using MessagePack;

namespace FedHealth.Core.Metrics;

/// <summary>
/// Counts of predicted probabilities in equal-width bins over [0, 1], split by true label.
/// Summable across sites; enough for a pooled ROC AUC without any per-patient score.
/// </summary>
[MessagePackObject]
public sealed record ScoreHistogram(
    [property: Key(0)] IReadOnlyList<long> Positives,
    [property: Key(1)] IReadOnlyList<long> Negatives)
{
    public const int DefaultBins = 1000;

    [IgnoreMember]
    public int Bins => Positives.Count;

    public static ScoreHistogram Empty(int bins = DefaultBins) => new(new long[bins], new long[bins]);

    public static ScoreHistogram From(ReadOnlySpan<float> scores, ReadOnlySpan<int> labels, int bins = DefaultBins)
    {
        if (scores.Length != labels.Length)
        {
            throw new ArgumentException("Scores and labels differ in length.", nameof(labels));
        }

        var pos = new long[bins];
        var neg = new long[bins];
        for (var i = 0; i < scores.Length; i++)
        {
            var bin = BinOf(scores[i], bins);
            if (labels[i] == 1)
            {
                pos[bin]++;
            }
            else
            {
                neg[bin]++;
            }
        }

        return new ScoreHistogram(pos, neg);
    }

    public ScoreHistogram Add(ScoreHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Bins != Bins)
        {
            throw new ArgumentException($"Cannot add histograms of {Bins} and {other.Bins} bins.", nameof(other));
        }

        var pos = new long[Bins];
        var neg = new long[Bins];
        for (var i = 0; i < Bins; i++)
        {
            pos[i] = Positives[i] + other.Positives[i];
            neg[i] = Negatives[i] + other.Negatives[i];
        }

        return new ScoreHistogram(pos, neg);
    }

    /// <summary>
    /// ROC AUC from the histogram: pairs in the same bin count one half (as ties). Equals the exact
    /// AUC when no positive and negative share a bin; otherwise within one bin width of it.
    /// NaN when either class is absent.
    /// </summary>
    public double Auc()
    {
        double totalPos = Positives.Sum(), totalNeg = Negatives.Sum();
        if (totalPos == 0 || totalNeg == 0)
        {
            return double.NaN;
        }

        double negBelow = 0, wins = 0;
        for (var i = 0; i < Bins; i++)
        {
            wins += Positives[i] * (negBelow + (0.5 * Negatives[i]));
            negBelow += Negatives[i];
        }

        return wins / (totalPos * totalNeg);
    }

    /// <summary>Accuracy at threshold 0.5 (bins are aligned so that 0.5 falls on a bin edge when Bins is even).</summary>
    public double AccuracyAtHalf()
    {
        long correct = 0, total = 0;
        for (var i = 0; i < Bins; i++)
        {
            var predictedPositive = i >= Bins / 2;
            correct += predictedPositive ? Positives[i] : Negatives[i];
            total += Positives[i] + Negatives[i];
        }

        return total == 0 ? double.NaN : (double)correct / total;
    }

    private static int BinOf(float score, int bins)
    {
        if (float.IsNaN(score))
        {
            throw new ArgumentException("A score is NaN.", nameof(score));
        }

        var bin = (int)(Math.Clamp(score, 0f, 1f) * bins);
        return Math.Min(bin, bins - 1);
    }
}
