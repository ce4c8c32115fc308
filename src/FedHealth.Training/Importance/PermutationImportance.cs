using FedHealth.Core.Data;
using FedHealth.Core.Training;
using FedHealth.Training.Runtime;

namespace FedHealth.Training.Importance;

/// <summary>
/// Permutation importance on one site's test rows: how much the loss grows when one input's column
/// is shuffled among the rows, breaking its link to the label. Returned as sums over the rows so
/// that the sites' figures add up to the pooled one (divide by the pooled number of rows).
/// </summary>
/// <remarks>
/// The permutations are seeded for reproducibility (they protect no one: the rows never leave the
/// site either way). Each repeat permutes every row block the same way wherever it is evaluated,
/// so a direct computation on the sites' rows side by side, each block permuted with its site's
/// permutation, gives the same figure.
/// </remarks>
public static class PermutationImportance
{
    /// <param name="logits">The model's logits for row-major features of the given row count.</param>
    public static double[] LossIncreases(TabularData test, Func<float[], int, float[]> logits, PermutationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Repeats is < 1 or > PermutationSettings.MaxRepeats)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Repeats, $"Permutation importance takes 1 to {PermutationSettings.MaxRepeats} repeats.");
        }

        var (rows, columns) = (test.Rows, test.Columns);
        var increases = new double[columns];
        if (rows == 0)
        {
            return increases;
        }

        var baseline = LossSum(logits(test.Features, rows), test.Labels);
        var shuffled = new float[test.Features.Length];
        for (var column = 0; column < columns; column++)
        {
            double permuted = 0;
            for (var repeat = 0; repeat < settings.Repeats; repeat++)
            {
                var order = Permutation(rows, settings.Seed, column, repeat);
                Array.Copy(test.Features, shuffled, shuffled.Length);
                for (var r = 0; r < rows; r++)
                {
                    shuffled[(r * columns) + column] = test.Features[(order[r] * columns) + column];
                }

                permuted += LossSum(logits(shuffled, rows), test.Labels);
            }

            increases[column] = (permuted / settings.Repeats) - baseline;
        }

        return increases;
    }

    /// <summary>The order in which column <paramref name="column"/>'s values are given to the rows in repeat <paramref name="repeat"/>: row r takes row order[r]'s value.</summary>
    public static int[] Permutation(int rows, long seed, int column, int repeat)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var order = Enumerable.Range(0, rows).ToArray();
        var random = new Random(Seeds.Derive(seed, "permutation-importance", ((long)column * PermutationSettings.MaxRepeats) + repeat));
        random.Shuffle(order);
        return order;
    }

    // Binary cross-entropy from the logit, as the evaluation computes it.
    private static double LossSum(float[] logits, int[] labels)
    {
        double sum = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            double z = logits[i];
            sum += Math.Max(z, 0) - (z * labels[i]) + double.LogP1(Math.Exp(-Math.Abs(z)));
        }

        return sum;
    }
}
