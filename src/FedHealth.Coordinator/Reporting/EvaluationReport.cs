using System.Text.Json.Nodes;
using FedHealth.Coordinator.Aggregation;
using FedHealth.Core.Metrics;
using FedHealth.Core.Strategy;

namespace FedHealth.Coordinator.Reporting;

/// <summary>
/// report.json's calibration (in <c>final</c>) and <c>fairness</c> objects. Every evaluation figure
/// is <see cref="Released.Exact"/> today: each site sends its outcome and histogram in the clear,
/// also under secure aggregation (secure evaluation is not built yet), so even the pooled figures
/// come from sums the coordinator formed itself.
/// </summary>
public static class EvaluationReport
{
    public static JsonObject Calibration(ScoreHistogram pooled)
    {
        ArgumentNullException.ThrowIfNull(pooled);
        var summary = CalibrationSummary.Of(pooled);
        var points = new JsonArray();
        foreach (var point in summary.Reliability)
        {
            points.Add(new JsonObject
            {
                ["lower"] = Number(point.Lower),
                ["upper"] = Number(point.Upper),
                ["mean_predicted"] = Number(point.MeanPredicted),
                ["observed"] = Number(point.ObservedFrequency),
                ["count"] = point.Count,
            });
        }

        return new JsonObject
        {
            ["released"] = Released.Exact,
            ["histogram_bins"] = pooled.Bins,
            ["brier"] = Number(summary.Brier),
            ["ece_10"] = Number(summary.Ece10),
            ["ece_15"] = Number(summary.Ece15),
            ["slope"] = Number(summary.Recalibration.Slope),
            ["intercept"] = Number(summary.Recalibration.Intercept),
            ["reliability"] = points,
        };
    }

    public static JsonObject Fairness(AggregateEvaluateOutcome? evaluation, int minimumCount = SiteFairness.DefaultMinimumCount)
    {
        var summary = SiteFairness.Of(evaluation?.PerSite ?? [], minimumCount);
        var sites = new JsonObject();
        foreach (var site in summary.Sites)
        {
            sites[site.Site.Value] = new JsonObject
            {
                ["n_test"] = site.NumExamples,
                ["accuracy"] = Number(site.Accuracy),
                ["auc"] = Number(site.Auc),
                ["ece_10"] = Number(site.Ece10),
            };
        }

        return new JsonObject
        {
            ["across_sites"] = new JsonObject
            {
                ["released"] = Released.Exact,
                ["minimum_count"] = summary.MinimumCount,
                ["sites"] = sites,
                ["accuracy"] = Extreme(summary.Accuracy),
                ["auc"] = Extreme(summary.Auc),
                ["suppressed_sites"] = new JsonArray(summary.Suppressed.Select(s => (JsonNode?)s.Value).ToArray()),
            },
        };
    }

    private static JsonObject? Extreme(SiteExtreme? extreme) => extreme is null
        ? null
        : new JsonObject
        {
            ["worst_site"] = extreme.Worst.Value,
            ["worst"] = Number(extreme.WorstValue),
            ["best_site"] = extreme.Best.Value,
            ["best"] = Number(extreme.BestValue),
            ["gap"] = Number(extreme.Gap),
        };

    private static JsonNode? Number(double value) => RunReport.Number(value);
}
