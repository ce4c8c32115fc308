using System.Globalization;
using System.Text.Json.Nodes;
using FedHealth.Coordinator.Study;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Sim;

/// <summary>The human-readable result: a per-round table, the final per-site figures, and where the report is.</summary>
internal static class SimSummary
{
    public static void Print(IAnsiConsole console, StudyResult result, JsonObject report, string reportPath) =>
        Print(console, report, reportPath);

    /// <summary>From report.json alone, so a study run by a coordinator process prints the same summary.</summary>
    public static void Print(IAnsiConsole console, JsonObject report, string reportPath)
    {
        var rounds = new Table().Title("Rounds").AddColumns("round", "sites ok", "failures", "train loss", "eval loss", "accuracy", "AUC", "mean site acc", "time (s)");
        foreach (var r in report["rounds"]?.AsArray() ?? [])
        {
            rounds.AddRow(
                r!["round"]!.ToString(),
                $"{r["sites_succeeded"]}/{r["sites_sampled"]}",
                (r["failures"]?.AsArray().Count ?? 0).ToString(CultureInfo.InvariantCulture),
                J(r["train_loss"]), J(r["eval_loss"]), J(r["eval_accuracy"]), J(r["eval_auc"]), J(r["mean_site_accuracy"]),
                ((r["duration_ms"]?.GetValue<double>() ?? 0) / 1000).ToString("0.00", CultureInfo.InvariantCulture));
        }

        console.Write(rounds);
        var final = report["final"] as JsonObject ?? [];
        var sites = new Table().Title("Final model, per site").AddColumns("site", "test rows", "accuracy", "AUC");
        foreach (var (site, node) in final["per_site"] as JsonObject ?? [])
        {
            sites.AddRow(Markup.Escape(site), node!["n_test"]!.ToString(), J(node["accuracy"]), J(node["auc"]));
        }

        console.Write(sites);
        var status = report["status"]?.GetValue<string>() ?? "unknown";
        var reason = report["reason"]?.GetValue<string>();
        console.MarkupLine($"status: [bold]{Markup.Escape(status)}[/]{(reason is null ? string.Empty : " — " + Markup.Escape(reason))}");
        console.MarkupLine($"mean site accuracy [bold]{J(final["mean_site_accuracy"])}[/], pooled accuracy {J(final["pooled_accuracy"])}, pooled AUC {J(final["pooled_auc"])}");
        if (final["calibration"] is JsonObject calibration)
        {
            console.MarkupLine($"calibration: Brier {J(calibration["brier"])}, ECE-10 {J(calibration["ece_10"])}, ECE-15 {J(calibration["ece_15"])}, slope {J(calibration["slope"])}, intercept {J(calibration["intercept"])}");
        }

        if (report["fairness"]?["across_sites"]?["accuracy"] is JsonObject accuracy)
        {
            console.MarkupLine(
                $"site accuracy: worst {Markup.Escape(accuracy["worst_site"]!.GetValue<string>())} {J(accuracy["worst"])}, best {Markup.Escape(accuracy["best_site"]!.GetValue<string>())} {J(accuracy["best"])}, gap {J(accuracy["gap"])}");
        }

        var wall = report["wall_time_ms"]?.GetValue<double>() ?? 0;
        console.MarkupLine($"wall time {(wall / 1000).ToString("0.0", CultureInfo.InvariantCulture)} s; report: {Markup.Escape(reportPath)}");
    }

    private static string F(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    private static string J(JsonNode? node) => node is null ? "-" : F(node.GetValue<double>());
}
