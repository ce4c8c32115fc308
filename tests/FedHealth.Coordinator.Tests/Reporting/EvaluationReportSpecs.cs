using FedHealth.Coordinator.Aggregation;
using FedHealth.Coordinator.Reporting;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Metrics;
using FedHealth.Core.Strategy;
using FedHealth.Core.Training;

namespace FedHealth.Coordinator.Tests.Reporting;

public sealed class EvaluationReportSpecs
{
    [Fact]
    public void The_calibration_object_says_it_was_released_exactly_and_lists_the_reliability_points()
    {
        var histogram = ScoreHistogram.From([0.05f, 0.06f, 0.72f, 0.91f], [0, 1, 1, 1]);

        var json = EvaluationReport.Calibration(histogram);

        Assert.Equal(Released.Exact, json["released"]!.GetValue<string>());
        Assert.Equal(Math.Round(Calibration.Brier(histogram), 6), json["brier"]!.GetValue<double>());
        Assert.Equal([2L, 1L, 1L], json["reliability"]!.AsArray().Select(p => p!["count"]!.GetValue<long>()));
        Assert.Null(json["slope"]);
    }

    [Fact]
    public void The_fairness_object_names_suppressed_sites_without_their_figures()
    {
        var evaluation = EvaluationAggregate.Of([Result("big", 40, 0.8), Result("small", 4, 0.2)]);

        var acrossSites = EvaluationReport.Fairness(evaluation)["across_sites"]!;

        Assert.Equal(["big"], acrossSites["sites"]!.AsObject().Select(kv => kv.Key));
        Assert.Equal(["small"], acrossSites["suppressed_sites"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("big", acrossSites["accuracy"]!["worst_site"]!.GetValue<string>());
        Assert.Equal(0, acrossSites["accuracy"]!["gap"]!.GetValue<double>());
        Assert.DoesNotContain("0.2", acrossSites.ToJsonString(), StringComparison.Ordinal);
    }

    private static EvaluateResult Result(string site, int n, double accuracy) =>
        new(Models.Site(site), new EvaluationOutcome(n, 0.5, accuracy, 0.75, ScoreHistogram.From([0.3f, 0.6f], [0, 1])));
}
