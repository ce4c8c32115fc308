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
        Assert.Equal(4, files.Count);
        Assert.Contains("| age | 0.8 | 2.226 | 0.08 | 1.083 |", markdown, StringComparison.Ordinal);
        Assert.Contains("![Performance](roc.png)", markdown, StringComparison.Ordinal);
        Assert.Contains("record-level ε = 1.5", markdown, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("data:image/png;base64,").Length - 1);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("roc.png", html, StringComparison.Ordinal);
    }
}
