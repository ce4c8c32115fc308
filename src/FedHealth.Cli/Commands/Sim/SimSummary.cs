using System.Globalization;
using System.Text.Json.Nodes;
using FedHealth.Coordinator.Study;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Sim;

/// <summary>The human-readable result: a per-round table, the final per-site figures, and where the report is.</summary>
internal static class SimSummary
{
    public static void Print(IAnsiConsole console, StudyResult result, JsonObject report, string reportPath)
    {
        var rounds = new Table().Title("Rounds").AddColumns("round", "sites ok", "failures", "train loss", "eval loss", "accuracy", "AUC", "mean site acc", "time (s)");
        foreach (var r in result.Rounds)
        {
            var e = r.Evaluation;
            rounds.AddRow(
                r.Round.ToString(CultureInfo.InvariantCulture),
                $"{r.SitesSucceeded.Count}/{r.SitesSampled.Count}",
                r.Failures.Count.ToString(CultureInfo.InvariantCulture),
                F(r.TrainLoss), F(e?.Loss), F(e?.Accuracy), F(e?.Auc), F(e?.MeanSiteAccuracy),
                (r.DurationMilliseconds / 1000).ToString("0.00", CultureInfo.InvariantCulture));
        }

        console.Write(rounds);
        var final = (JsonObject)report["final"]!;
        var sites = new Table().Title("Final model, per site").AddColumns("site", "test rows", "accuracy", "AUC");
        foreach (var (site, node) in (JsonObject)final["per_site"]!)
        {
            sites.AddRow(Markup.Escape(site), node!["n_test"]!.ToString(), J(node["accuracy"]), J(node["auc"]));
        }

        console.Write(sites);
        console.MarkupLine($"status: [bold]{Markup.Escape(result.Status)}[/]{(result.Reason is null ? string.Empty : " — " + Markup.Escape(result.Reason))}");
        console.MarkupLine($"mean site accuracy [bold]{J(final["mean_site_accuracy"])}[/], pooled accuracy {J(final["pooled_accuracy"])}, pooled AUC {J(final["pooled_auc"])}");
        console.MarkupLine($"wall time {((double)report["wall_time_ms"]! / 1000).ToString("0.0", CultureInfo.InvariantCulture)} s; report: {Markup.Escape(reportPath)}");
    }

    private static string F(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    private static string J(JsonNode? node) => node is null ? "-" : F(node.GetValue<double>());
}
