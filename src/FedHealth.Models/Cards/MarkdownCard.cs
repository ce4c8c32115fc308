using System.Text;

namespace FedHealth.Models.Cards;

/// <summary>The model card as markdown; figures are referenced as PNG files written beside it.</summary>
public static class MarkdownCard
{
    public const string FileName = "model-card.md";

    public static string Render(string title, IReadOnlyList<CardSection> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var text = new StringBuilder().Append("# ").Append(title).Append("\n\n");
        foreach (var section in sections)
        {
            text.Append("## ").Append(section.Title).Append("\n\n");
            foreach (var line in section.Lines)
            {
                text.Append(line).Append("\n\n");
            }

            if (section.Headers is { } headers)
            {
                text.Append("| ").AppendJoin(" | ", headers).Append(" |\n|").AppendJoin("|", headers.Select(_ => "---")).Append("|\n");
                foreach (var row in section.Rows)
                {
                    text.Append("| ").AppendJoin(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).Append(" |\n");
                }

                text.Append('\n');
            }

            if (section.Figure is { } figure)
            {
                text.Append("![").Append(section.Title).Append("](").Append(figure.File).Append(")\n\n");
            }
        }

        return text.ToString();
    }
}
