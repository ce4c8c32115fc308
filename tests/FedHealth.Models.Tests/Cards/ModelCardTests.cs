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
}
