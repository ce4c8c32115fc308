using System.Globalization;
using System.Text.Json.Nodes;
using FedHealth.Coordinator.Aggregation;
using FedHealth.Core.Metrics;
using FedHealth.Core.Strategy;
using FedHealth.EndToEnd.Tests.Support;
using FedHealth.Models.Manifests;
using FedHealth.Models.Registry;
using FedHealth.Training.Data;
using FedHealth.Training.Data.Csv;
using FedHealth.Training.Data.Preprocessing;
using FedHealth.Training.Export;
using FedHealth.Training.Trainer;
using Xunit.Abstractions;

namespace FedHealth.EndToEnd.Tests.Models;

/// <summary>A heart-disease study's model leaves fedhealth as a PyTorch file that real PyTorch scores the same way, and comes back unchanged.</summary>
public sealed class ModelExportSpecs(ITestOutputHelper output)
{
    private static string HeartDisease => Paths.SharedData("heart-disease", "heart_disease_flamby.csv");

    [Theory]
    [InlineData("logreg")]
    [InlineData("mlp")]
    public async Task PyTorch_scores_the_exported_model_as_models_predict_does_to_1e5(string kind)
    {
        var run = await Study(kind);
        var exported = Path.Combine(run.Folder, "export", "model.pt");
        Succeeded(await FedHealthProcess.RunAsync("models", "export", run.Id, "--from", run.Folder, "--format", "pytorch", "--out", exported));
        var ours = Path.Combine(run.Folder, "ours.csv");
        Succeeded(await FedHealthProcess.RunAsync("models", "predict", run.Id, "--from", run.Folder, "--data", HeartDisease, "--out", ours));

        var theirs = Path.Combine(run.Folder, "pytorch.csv");
        var torch = await PyTorch.RunAsync(Path.Combine(run.Folder, "export", "model.manifest.json"), exported, HeartDisease, theirs);

        var a = Probabilities(ours);
        var b = Probabilities(theirs);
        Assert.Equal(740, a.Length);
        Assert.Equal(a.Length, b.Length);
        var difference = a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
        output.WriteLine($"{kind}: max |fedhealth - PyTorch| = {difference:E2} over {a.Length} rows ({torch.Trim()})");
        Assert.True(difference <= 1e-5, $"{kind}: PyTorch differs from models predict by {difference}");
    }

    [Fact]
    public async Task An_imported_model_is_the_same_model_and_predict_on_the_test_rows_gives_the_reported_accuracy()
    {
        var run = await Study("logreg");
        var exported = Path.Combine(run.Folder, "export", "model.pt");
        Succeeded(await FedHealthProcess.RunAsync("models", "export", run.Id, "--from", run.Folder, "--out", exported));
        var imported = Path.Combine(run.Folder, "imported");

        var import = await FedHealthProcess.RunAsync("models", "import", exported, "--to", imported, "--json");

        Succeeded(import);
        Assert.Equal(run.Id, import.Json["model"]!.GetValue<string>());
        var before = await Predict(run.Id, run.Folder);
        var after = await Predict(run.Id, imported);
        Assert.Equal(before, after);
        var rows = File.ReadAllLines(HeartDisease).Skip(1).Select(l => l.Split(',')).ToList();
        var test = rows.Select((r, i) => (Row: r, P: after[i])).Where(x => x.Row[1] == "test").ToList();
        var accuracy = test.Count(x => (x.P >= 0.5 ? "1" : "0") == x.Row[^1]) / (double)test.Count;
        Assert.Equal(run.Report["final"]!["pooled_accuracy"]!.GetValue<double>(), Math.Round(accuracy, 6));
    }

    [Fact]
    public async Task An_imported_model_re_evaluated_at_the_sites_gives_the_same_pooled_accuracy_and_AUC_bit_for_bit()
    {
        var run = await Study("logreg");
        var exported = Path.Combine(run.Folder, "export", "model.pt");
        Succeeded(await FedHealthProcess.RunAsync("models", "export", run.Id, "--from", run.Folder, "--out", exported));
        var imported = Path.Combine(run.Folder, "imported");
        Succeeded(await FedHealthProcess.RunAsync("models", "import", exported, "--to", imported));
        var stored = ModelRegistry.Open(imported).Find(run.Id);
        var manifest = stored.Manifest;

        // Each site scores its own test rows, preprocessed with the manifest's statistics, as the study's evaluation did.
        var dataset = SiteDatasets.FromCsv(HeartDisease, new CsvOptions("target") { SiteColumn = "center", SplitColumn = "flamby_split" }, 42, 0.25, null, null);
        var statistics = new FeatureStatistics(
            [.. manifest.Preprocessing.Statistics!.ImputationValues], [.. manifest.Preprocessing.Statistics.Means], [.. manifest.Preprocessing.Statistics.StandardDeviations]);
        var trainer = new LocalTrainer();
        var results = dataset.Pooling
            .Select(p => new EvaluateResult(p.Site, trainer.Evaluate(ManifestLayout.Spec(manifest.Architecture), stored.Weights(), SiteDatasets.Preprocess(p.RawSplit, p.Layout, statistics).Test)))
            .ToList();
        var again = EvaluationAggregate.Of(results);

        Assert.Equal(manifest.Histogram!.Positives, again.PooledHistogram.Positives);
        Assert.Equal(manifest.Histogram.Negatives, again.PooledHistogram.Negatives);
        Assert.Equal(new ScoreHistogram(manifest.Histogram.Positives, manifest.Histogram.Negatives).Auc(), again.Auc);
        Assert.Equal(run.Report["final"]!["pooled_auc"]!.GetValue<double>(), Math.Round(again.Auc, 6));
        Assert.Equal(run.Report["final"]!["pooled_accuracy"]!.GetValue<double>(), Math.Round(again.Accuracy, 6));
        output.WriteLine($"re-evaluated: accuracy {again.Accuracy:R}, AUC {again.Auc:R}; reported {run.Report["final"]!["pooled_accuracy"]}, {run.Report["final"]!["pooled_auc"]}");
    }

    [Fact]
    public async Task The_cards_logistic_coefficients_are_the_exported_weights_mapped_through_the_preprocessing()
    {
        var run = await Study("logreg");
        var exported = Path.Combine(run.Folder, "export", "model.pt");
        Succeeded(await FedHealthProcess.RunAsync("models", "export", run.Id, "--from", run.Folder, "--out", exported));
        var manifest = ModelRegistry.Open(run.Folder).Find(run.Id).Manifest;
        var weights = PyTorchStateDict.Load(ManifestLayout.Spec(manifest.Architecture), exported).Flat;
        var deviations = manifest.Preprocessing.Statistics!.StandardDeviations;

        // The card's table: | feature | per SD | odds ratio per SD | per unit | odds ratio per unit | permutation importance |
        var rows = File.ReadAllLines(Path.Combine(run.Folder, "model", "model-card.md"))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Where(c => c.Length == 8 && manifest.Features.Outputs.Contains(c[1]))
            .ToDictionary(c => c[1]);
        Assert.Equal(manifest.Features.Outputs.Count, rows.Count);
        for (var j = 0; j < manifest.Features.Outputs.Count; j++)
        {
            var row = rows[manifest.Features.Outputs[j]];
            Assert.Equal(weights[j], double.Parse(row[2], CultureInfo.InvariantCulture), 5e-4);
            var perUnit = weights[j] / deviations[j];
            Assert.Equal(perUnit, double.Parse(row[4], CultureInfo.InvariantCulture), Math.Abs(perUnit) * 1e-3);
        }
    }

    [Fact]
    public async Task A_model_file_that_does_not_match_its_manifest_is_refused_on_import()
    {
        var run = await Study("logreg");
        var exported = Path.Combine(run.Folder, "export", "model.pt");
        Succeeded(await FedHealthProcess.RunAsync("models", "export", run.Id, "--from", run.Folder, "--out", exported));
        var manifest = Path.Combine(run.Folder, "export", "model.manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace(run.Id, new string('a', 64), StringComparison.Ordinal));

        var import = await FedHealthProcess.RunAsync("models", "import", exported, "--to", Path.Combine(run.Folder, "imported"));

        import.AssertRefusedWith("does not match its manifest");
    }

    internal sealed record StudyRun(string Folder, string Id, JsonObject Report);

    internal static async Task<StudyRun> Study(string kind)
    {
        var folder = FedHealthProcess.TempFolder();
        var run = await FedHealthProcess.RunAsync(
            "sim", "--data", HeartDisease, "--site-column", "center", "--split-column", "flamby_split", "--label", "target",
            "--dp", "off", "--rounds", "3", "--model", kind, "--hidden", "8,4", "--json", "--out", Path.Combine(folder, "run"));
        Succeeded(run);
        return new StudyRun(Path.Combine(folder, "run"), run.Json["final"]!["model_hash"]!.GetValue<string>(), run.Json);
    }

    private static async Task<double[]> Predict(string id, string from)
    {
        var path = Path.Combine(FedHealthProcess.TempFolder(), "p.csv");
        Succeeded(await FedHealthProcess.RunAsync("models", "predict", id, "--from", from, "--data", HeartDisease, "--out", path));
        return Probabilities(path);
    }

    private static double[] Probabilities(string csv) =>
        File.ReadAllLines(csv).Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();

    private static void Succeeded(FedHealthProcess.Result run) => Assert.True(run.ExitCode == 0, run.StdErr);
}
