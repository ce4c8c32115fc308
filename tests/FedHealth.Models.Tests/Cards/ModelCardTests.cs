using System.Text.Json.Nodes;
using FedHealth.Models.Cards;
using FedHealth.Models.Tests.Support;

namespace FedHealth.Models.Tests.Cards;

public sealed class ModelCardTests
{
    [Fact]
    public void The_card_is_written_as_markdown_with_figures_beside_it_and_as_self_contained_html()
    {
        var model = SampleModel.Saved();
        var folder = SampleModel.RunFolder();

        var files = CardWriter.Write(model, folder);

        var markdown = File.ReadAllText(Path.Combine(folder, MarkdownCard.FileName));
        var html = File.ReadAllText(Path.Combine(folder, HtmlCard.FileName));
        Assert.Equal(5, files.Count);
        Assert.Contains("| age | 0.8 | 2.226 | 0.08 | 1.083 | – |", markdown, StringComparison.Ordinal);
        Assert.Contains("![Feature effects](feature-effects.png)", markdown, StringComparison.Ordinal);
        Assert.Contains("![Performance](roc.png)", markdown, StringComparison.Ordinal);
        Assert.Contains("record-level ε = 1.5", markdown, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("data:image/png;base64,").Length - 1);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("roc.png", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_MLP_card_ranks_the_inputs_by_their_federated_permutation_importance()
    {
        var weights = SampleModel.Weights();
        var manifest = SampleModel.Manifest(weights) with
        {
            Architecture = SampleModel.Manifest(weights).Architecture with { Kind = "mlp", Hidden = [2] },
            PermutationImportance = [new("age", 0.02), new("bp", -0.001), new("smoker=no", 0.15), new("smoker=yes", 0.0004)],
        };

        var effects = ModelCard.Sections(manifest, weights).Single(s => s.Title == "Feature effects");

        Assert.Equal(["smoker=no", "age", "bp", "smoker=yes"], effects.Rows.Select(r => r[0]));
        Assert.Equal(["smoker=no", "0.15"], effects.Rows[0]);
        Assert.Contains("sent only sums over them, never a row", effects.Lines[0], StringComparison.Ordinal);
        Assert.Equal("feature-effects.png", effects.Figure!.Value.File);
    }

    [Fact]
    public void A_logistic_regression_card_puts_each_inputs_permutation_importance_beside_its_coefficients()
    {
        var weights = SampleModel.Weights();
        var manifest = SampleModel.Manifest(weights) with { PermutationImportance = [new("age", 0.02), new("bp", 0.01), new("smoker=no", 0.003), new("smoker=yes", 0.001)] };

        var effects = ModelCard.Sections(manifest, weights).Single(s => s.Title == "Feature effects");

        Assert.Equal(["age", "0.8", "2.226", "0.08", "1.083", "0.02"], effects.Rows[0]);
    }

    [Fact]
    public void The_card_states_the_studys_own_intended_use_and_limitations()
    {
        var weights = SampleModel.Weights();
        var manifest = SampleModel.Manifest(weights);
        manifest.Training["intended_use"] = "Triage of chest-pain patients by cardiologists";
        manifest.Training["limitations"] = "Not validated on women under 40";

        var section = ModelCard.Sections(manifest, weights).Single(s => s.Title == "Intended use and limitations");

        Assert.Contains("Intended use (as the study states it): Triage of chest-pain patients by cardiologists", section.Lines);
        Assert.Contains("Limitations (as the study states it): Not validated on women under 40", section.Lines);
    }

    [Fact]
    public void The_performance_section_gives_the_released_calibration_and_the_spread_across_sites()
    {
        var weights = SampleModel.Weights();
        var manifest = SampleModel.Manifest(weights) with
        {
            Fairness = new JsonObject
            {
                ["across_sites"] = new JsonObject
                {
                    ["minimum_count"] = 10,
                    ["accuracy"] = new JsonObject { ["worst_site"] = "b", ["worst"] = 0.7, ["best_site"] = "a", ["best"] = 0.9, ["gap"] = 0.2 },
                },
            },
        };
        manifest.Evaluation!["calibration"] = new JsonObject { ["brier"] = 0.14, ["ece_10"] = 0.03, ["slope"] = 1.02, ["intercept"] = 0.01 };

        var lines = ModelCard.Sections(manifest, weights).Single(s => s.Title == "Performance").Lines;

        Assert.Contains("Calibration (from the summed histograms): Brier score 0.14, ECE (10 bins) 0.03, recalibration slope 1.02 and intercept 0.01 (1 and 0 when calibrated).", lines);
        Assert.Contains("Across sites (accuracy): worst site b 0.7, best site a 0.9, gap 0.2 (sites with fewer than 10 test patients are left out).", lines);
    }
}
