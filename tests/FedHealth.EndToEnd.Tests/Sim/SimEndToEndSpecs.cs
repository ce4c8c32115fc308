using System.Text.Json.Nodes;
using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Sim;

public sealed class SimEndToEndSpecs
{
    [Fact]
    public async Task Federated_logistic_regression_on_the_four_heart_disease_hospitals_reaches_the_FLamby_level()
    {
        var output = FedHealthProcess.TempFolder();

        var run = await FedHealthProcess.RunAsync(
            "sim", "--data", Paths.SharedData("heart-disease", "heart_disease_flamby.csv"),
            "--site-column", "center", "--split-column", "flamby_split", "--label", "target",
            "--model", "logreg", "--json", "--out", output);

        Assert.True(run.ExitCode == 0, run.StdErr);
        var report = run.Json;
        var final = report["final"]!.AsObject();
        var meanSiteAccuracy = final["mean_site_accuracy"]!.GetValue<double>();
        Assert.True(meanSiteAccuracy >= 0.70, $"mean site accuracy {meanSiteAccuracy} < 0.70 (FLamby FedAvg 0.685)");
        Assert.Equal(["0", "1", "2", "3"], final["per_site"]!.AsObject().Select(kv => kv.Key).Order());
        Assert.Equal(104, final["per_site"]!["0"]!["n_test"]!.GetValue<int>());
        var calibration = final["calibration"]!;
        Assert.Equal("exact", calibration["released"]!.GetValue<string>());
        Assert.InRange(calibration["brier"]!.GetValue<double>(), 0.05, 0.25);
        Assert.InRange(calibration["ece_10"]!.GetValue<double>(), 0, 0.15);
        Assert.Equal(254, calibration["reliability"]!.AsArray().Sum(p => p!["count"]!.GetValue<long>()));
        var acrossSites = report["fairness"]!["across_sites"]!;
        Assert.Equal(["0", "1", "2", "3"], acrossSites["sites"]!.AsObject().Select(kv => kv.Key).Order());
        Assert.Empty(acrossSites["suppressed_sites"]!.AsArray());
        Assert.True(File.Exists(Path.Combine(output, "calibration.png")) && File.Exists(Path.Combine(output, "fairness-sites.png")));
        Assert.Equal(run.StdOut.Trim(), File.ReadAllText(Path.Combine(output, "report.json")).Trim());
    }

    [Fact]
    public async Task The_default_run_on_synthetic_hospitals_completes_and_writes_the_documented_report()
    {
        var output = FedHealthProcess.TempFolder();

        var run = await FedHealthProcess.RunAsync("sim", "--out", output);

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Contains("mean site accuracy", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("round  20/20", run.StdErr, StringComparison.Ordinal);
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "report.json")))!.AsObject();
        Assert.Equal("completed", report["status"]!.GetValue<string>());
        var rounds = report["rounds"]!.AsArray();
        Assert.Equal(20, rounds.Count);
        foreach (var field in new[] { "round", "sites_sampled", "sites_succeeded", "failures", "train_loss", "eval_loss", "eval_accuracy", "eval_auc", "duration_ms" })
        {
            Assert.True(rounds[0]!.AsObject().ContainsKey(field), $"round entries lack '{field}'");
        }

        foreach (var field in new[] { "per_site", "mean_site_accuracy", "pooled_accuracy", "pooled_auc" })
        {
            Assert.True(report["final"]!.AsObject().ContainsKey(field), $"final lacks '{field}'");
        }

        Assert.True(report["final"]!["pooled_auc"]!.GetValue<double>() > 0.75);
        Assert.True(report.ContainsKey("config"));
    }

    [Fact]
    public async Task Json_mode_prints_only_the_report_on_stdout()
    {
        var run = await FedHealthProcess.RunAsync("sim", "--rounds", "2", "--json", "--out", FedHealthProcess.TempFolder());

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.Json["rounds"]!.AsArray().Count);
        Assert.Contains("round   2/2", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_csv_without_a_site_column_is_partitioned_into_sites_by_label_skew()
    {
        var run = await FedHealthProcess.RunAsync(
            "sim", "--data", Paths.SharedData("breast-cancer", "breast_cancer_wisconsin.csv"), "--label", "malignant",
            "--sites", "3", "--partition", "dirichlet:1.0", "--rounds", "3", "--json", "--out", FedHealthProcess.TempFolder());

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Equal(3, run.Json["final"]!["per_site"]!.AsObject().Count);
        Assert.True(run.Json["final"]!["pooled_accuracy"]!.GetValue<double>() > 0.85);
    }
}
