namespace FedHealth.Training.Data.Partitioning;

/// <summary>
/// Seeded train/test split of one site's rows that keeps each class's share in both parts.
/// </summary>
public static class StratifiedSplit
{
    public const double DefaultTestFraction = 0.25;

    /// <summary>
    /// Per row, true for a test row. The test part has round(n·fraction) rows, shared between the
    /// classes in proportion (largest remainder); each class with two or more rows keeps at least one
    /// row in each part, and a class with a single row keeps it for training.
    /// </summary>
    public static bool[] Assign(IReadOnlyList<int> labels, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must be between 0 and 1.");
        }

        // Shuffling decides nothing about privacy, so a seeded System.Random is enough.
        var random = new Random(seed);
        var isTest = new bool[labels.Count];
        var classes = new[] { 0, 1 }.Select(c => Enumerable.Range(0, labels.Count).Where(r => labels[r] == c).ToArray()).ToArray();
        var quotas = Quotas(classes.Select(rows => rows.Length).ToArray(), testFraction);
        for (var c = 0; c < classes.Length; c++)
        {
            random.Shuffle(classes[c]);
            foreach (var r in classes[c].Take(quotas[c]))
            {
                isTest[r] = true;
            }
        }

        return isTest;
    }

    private static int[] Quotas(int[] sizes, double testFraction)
    {
        var total = (int)Math.Round(sizes.Sum() * testFraction, MidpointRounding.AwayFromZero);
        var exact = sizes.Select(n => n * testFraction).ToArray();
        var quotas = exact.Select(q => (int)Math.Floor(q)).ToArray();
        foreach (var c in Enumerable.Range(0, sizes.Length).OrderByDescending(c => exact[c] - quotas[c]).ThenBy(c => c))
        {
            if (quotas.Sum() < total)
            {
                quotas[c]++;
            }
        }

        return quotas.Select((q, c) => sizes[c] >= 2 ? Math.Clamp(q, 1, sizes[c] - 1) : 0).ToArray();
    }
}
