using System.Text.Json.Nodes;
using FedHealth.Coordinator.Aggregation;
using FedHealth.Core.Data;
using FedHealth.Core.Strategy;
using FedHealth.Core.Training;
using FedHealth.EndToEnd.Tests.Support;
using FedHealth.Training.Data;
using FedHealth.Training.Importance;
using FedHealth.Training.Trainer;

namespace FedHealth.EndToEnd.Tests.Models;

/// <summary>
/// Federated permutation importance: each site sums its own rows' loss increases, the coordinator
/// only adds the sums. Its reference is a direct computation on the sites' test rows side by side
/// (each site's block permuted as that site permuted it), through the trainer's ordinary evaluation.
/// </summary>
public sealed class PermutationImportanceSpecs
{
    [Theory]
    [InlineData("logreg")]
    [InlineData("mlp")]
    public void Federated_permutation_importance_equals_a_direct_computation_on_the_concatenated_test_rows(string kind)
    {
        var trainer = new LocalTrainer();
        var dataset = SiteDatasets.Synthetic(seed: 7, sites: 3);
        var inputs = dataset.Sites[0].Test.Columns;
        var model = kind == "logreg" ? ModelSpec.LogisticRegression(inputs) : ModelSpec.Mlp(inputs, 8, 4);
        var weights = trainer.Fit(model, trainer.Initialize(model, 3), dataset.Sites[0].Train, new FitConfig(OptimizerKind.Sgd, 0.1, 32, 40, 0, 3)).Weights;
        var seeds = dataset.Sites.Select((_, i) => 100L + i).ToList();
        const int repeats = 3;

        var results = dataset.Sites.Select((site, i) => new EvaluateResult(site.Site, trainer.Evaluate(model, weights, site.Test) with
        {
            LossIncreases = trainer.LossIncreases(model, weights, site.Test, new PermutationSettings(repeats, seeds[i])),
        })).ToList();
        var federated = EvaluationAggregate.Of(results).PermutationImportance!;

        var all = Concatenate(dataset.Sites.Select(s => s.Test).ToList(), null);
        var baseline = trainer.Evaluate(model, weights, all).Loss;
        for (var column = 0; column < inputs; column++)
        {
            double permuted = 0;
            for (var repeat = 0; repeat < repeats; repeat++)
            {
                var orders = dataset.Sites.Select((s, i) => PermutationImportance.Permutation(s.Test.Rows, seeds[i], column, repeat)).ToList();
                permuted += trainer.Evaluate(model, weights, Concatenate(dataset.Sites.Select(s => s.Test).ToList(), (column, orders))).Loss;
            }

            Assert.Equal((permuted / repeats) - baseline, federated[column], 1e-9);
        }

        Assert.Contains(federated, v => v > 1e-3);
    }

    [Fact]
    public async Task An_MLP_study_releases_permutation_importance_into_its_report_manifest_and_card()
    {
        var folder = FedHealthProcess.TempFolder();
        var run = await FedHealthProcess.RunAsync("sim", "--rounds", "2", "--sites", "3", "--dp", "off", "--model", "mlp", "--hidden", "8", "--json", "--out", folder);
        Assert.True(run.ExitCode == 0, run.StdErr);

        var id = run.Json["final"]!["model_hash"]!.GetValue<string>();
        var pooled = run.Json["final"]!["permutation_importance"]!.AsArray().Select(v => v!.GetValue<double>()).ToList();
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "model", id + ".json")))!;
        var named = manifest["permutation_importance"]!.AsArray();
        Assert.Equal(manifest["features"]!["outputs"]!.AsArray().Select(n => n!.GetValue<string>()), named.Select(n => n!["feature"]!.GetValue<string>()));
        Assert.Equal(pooled, named.Select(n => Math.Round(n!["loss_increase"]!.GetValue<double>(), 6)));
        Assert.Contains("loss increase when permuted", File.ReadAllText(Path.Combine(folder, "model", "model-card.md")), StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(folder, "model", "feature-effects.png")).Length > 0);
    }

    /// <summary>The sites' rows one after another; with a permutation, each site's block of that column reordered by its own order.</summary>
    private static TabularData Concatenate(IReadOnlyList<TabularData> parts, (int Column, IReadOnlyList<int[]> Orders)? permutation)
    {
        var columns = parts[0].Columns;
        var features = new List<float>();
        var labels = new List<int>();
        for (var p = 0; p < parts.Count; p++)
        {
            var part = parts[p];
            for (var r = 0; r < part.Rows; r++)
            {
                var row = part.Row(r).ToArray();
                if (permutation is { } perm)
                {
                    row[perm.Column] = part.Row(perm.Orders[p][r])[perm.Column];
                }

                features.AddRange(row);
                labels.Add(part.Labels[r]);
            }
        }

        return new TabularData(parts[0].FeatureNames, [.. features], [.. labels]);
    }
}
