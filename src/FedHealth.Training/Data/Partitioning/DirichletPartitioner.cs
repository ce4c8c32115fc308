using MathNet.Numerics.Distributions;

namespace FedHealth.Training.Data.Partitioning;

/// <summary>
/// The standard label-skew partition for simulated federations (Hsu et al. 2019; used by FedLab,
/// Flower Datasets and most FL papers): for each class, draw site proportions from
/// Dirichlet(α, …, α) and deal that class's shuffled rows out in those proportions.
/// </summary>
/// <remarks>
/// Partitioning sets up a simulation and protects no one, so a seeded System.Random drives
/// MathNet's Gamma-based Dirichlet sampler.
/// </remarks>
public static class DirichletPartitioner
{
    /// <summary>The row indices of each site, ascending.</summary>
    /// <exception cref="DataValidationException">No draw met the minimums within the allowed attempts.</exception>
    public static IReadOnlyList<int[]> Partition(IReadOnlyList<int> labels, DirichletPartitionOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Sites, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1, nameof(options));
        if (!(options.Alpha > 0) || double.IsInfinity(options.Alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Alpha, "Alpha must be a positive number.");
        }

        var random = new Random(seed);
        var byClass = new[] { 0, 1 }.Select(c => Enumerable.Range(0, labels.Count).Where(r => labels[r] == c).ToArray()).ToArray();
        for (var attempt = 0; attempt < options.MaxAttempts; attempt++)
        {
            var sites = Draw(byClass, options, random);
            if (sites is not null && Acceptable(sites, labels, options))
            {
                return sites.Select(s => s.Order().ToArray()).ToList();
            }
        }

        var classes = options.RequireBothClasses ? " and both classes" : string.Empty;
        throw new DataValidationException(
            $"Could not split {labels.Count} rows ({byClass[1].Length} positive) into {options.Sites} sites with alpha {options.Alpha} " +
            $"so that every site has at least {options.MinRowsPerSite} rows{classes}, in {options.MaxAttempts} attempts. " +
            "Use a larger alpha, fewer sites or a smaller minimum.");
    }

    private static List<int>[]? Draw(int[][] byClass, DirichletPartitionOptions options, Random random)
    {
        var sites = Enumerable.Range(0, options.Sites).Select(_ => new List<int>()).ToArray();
        var concentration = Enumerable.Repeat(options.Alpha, options.Sites).ToArray();
        foreach (var rows in byClass)
        {
            var shuffled = rows.ToArray();
            random.Shuffle(shuffled);
            var proportions = Dirichlet.Sample(random, concentration);

            // With a tiny alpha every Gamma draw can underflow to 0, leaving 0/0: draw again.
            if (proportions.Any(p => !double.IsFinite(p)))
            {
                return null;
            }

            var start = 0;
            double cumulative = 0;
            for (var s = 0; s < options.Sites; s++)
            {
                cumulative += proportions[s];
                var end = s == options.Sites - 1
                    ? shuffled.Length
                    : Math.Min(shuffled.Length, (int)Math.Round(cumulative * shuffled.Length, MidpointRounding.AwayFromZero));
                sites[s].AddRange(shuffled[start..Math.Max(start, end)]);
                start = Math.Max(start, end);
            }
        }

        return sites;
    }

    private static bool Acceptable(List<int>[] sites, IReadOnlyList<int> labels, DirichletPartitionOptions options) =>
        sites.All(rows =>
            rows.Count >= options.MinRowsPerSite &&
            (!options.RequireBothClasses || (rows.Any(r => labels[r] == 1) && rows.Any(r => labels[r] == 0))));
}
