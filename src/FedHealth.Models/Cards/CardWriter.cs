using FedHealth.Models.Registry;

namespace FedHealth.Models.Cards;

/// <summary>Writes a model's card (markdown and self-contained HTML) and its figures (PNG) into a folder.</summary>
public static class CardWriter
{
    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> Write(StoredModel model, string folder)
    {
        ArgumentNullException.ThrowIfNull(model);
        Directory.CreateDirectory(folder);
        var sections = ModelCard.Sections(model.Manifest, model.Weights());
        var title = $"Model card: {model.Manifest.Label}, {model.Manifest.Architecture.Kind} {model.Id[..12]}";
        var files = new List<string>();
        foreach (var figure in sections.Select(s => s.Figure).OfType<(string File, byte[] Png)>())
        {
            var path = Path.Combine(folder, figure.File);
            File.WriteAllBytes(path, figure.Png);
            files.Add(path);
        }

        var markdown = Path.Combine(folder, MarkdownCard.FileName);
        File.WriteAllText(markdown, MarkdownCard.Render(title, sections));
        var html = Path.Combine(folder, HtmlCard.FileName);
        File.WriteAllText(html, HtmlCard.Render(title, sections));
        return [markdown, html, .. files];
    }
}
