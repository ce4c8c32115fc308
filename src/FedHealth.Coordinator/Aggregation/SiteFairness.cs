using FedHealth.Core.Ids;
using FedHealth.Core.Metrics;
using FedHealth.Core.Strategy;

namespace FedHealth.Coordinator.Aggregation;

/// <summary>
/// Fairness across sites from the per-site evaluation outcomes the coordinator receives in the plain
/// path. A site with fewer test patients than the minimum count is suppressed: its figures are left
/// out of the comparison and only its id is named.
/// </summary>
public static class SiteFairness
{
    public const int DefaultMinimumCount = 10;

    public static SiteFairnessSummary Of(IReadOnlyList<EvaluateResult> results, int minimumCount = DefaultMinimumCount)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumCount);
        var ordered = results.OrderBy(r => r.Site).ToList();
        var suppressed = ordered.Where(r => r.Outcome.NumExamples < minimumCount).Select(r => r.Site).ToList();
        var released = ordered
            .Where(r => r.Outcome.NumExamples >= minimumCount)
            .Select(r => new SiteFigures(
                r.Site,
                r.Outcome.NumExamples,
                r.Outcome.Accuracy,
                r.Outcome.Auc,
                Calibration.ExpectedCalibrationError(r.Outcome.Histogram, 10)))
            .ToList();
        return new SiteFairnessSummary(minimumCount, released, Extreme(released, s => s.Accuracy), Extreme(released, s => s.Auc), suppressed);
    }

    private static SiteExtreme? Extreme(IReadOnlyList<SiteFigures> sites, Func<SiteFigures, double> figure)
    {
        var defined = sites.Where(s => double.IsFinite(figure(s))).ToList();
        if (defined.Count == 0)
        {
            return null;
        }

        // Ties go to the first site in id order, so the answer does not depend on arrival order.
        var worst = defined.MinBy(figure)!;
        var best = defined.MaxBy(figure)!;
        return new SiteExtreme(worst.Site, figure(worst), best.Site, figure(best));
    }
}
