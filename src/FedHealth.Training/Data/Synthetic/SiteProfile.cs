namespace FedHealth.Training.Data.Synthetic;

/// <summary>
/// Where a synthetic hospital sits on each axis of heterogeneity, each in [0, 1]. The numbers that
/// turn positions into distributions are in <see cref="CohortModel"/> and docs/synthetic-cohort.md.
/// </summary>
internal sealed record SiteProfile(
    double Size,
    double Age,
    double Sex,
    double Risk,
    double CaseMix,
    double Baseline,
    double Missingness)
{
    /// <summary>
    /// Spreads K sites evenly over each axis (0, 1/(K−1), …, 1), with an independent seeded
    /// permutation per axis: every seed gives sites that really differ (non-IID), without the
    /// largest site always being the oldest or the sickest. A single site sits in the middle.
    /// </summary>
    public static IReadOnlyList<SiteProfile> Spread(int sites, Random random)
    {
        double[] Axis()
        {
            var order = Enumerable.Range(0, sites).ToArray();
            random.Shuffle(order);
            return order.Select(i => sites == 1 ? 0.5 : (double)i / (sites - 1)).ToArray();
        }

        var size = Axis();
        var age = Axis();
        var sex = Axis();
        var risk = Axis();
        var caseMix = Axis();
        var baseline = Axis();
        var missingness = Axis();
        return Enumerable.Range(0, sites)
            .Select(k => new SiteProfile(size[k], age[k], sex[k], risk[k], caseMix[k], baseline[k], missingness[k]))
            .ToList();
    }
}
