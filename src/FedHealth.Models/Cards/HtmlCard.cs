using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace FedHealth.Models.Cards;

/// <summary>The model card as one self-contained HTML page: styles inline, figures embedded as data URIs.</summary>
public static partial class HtmlCard
{
    public const string FileName = "model-card.html";

    public static string Render(string title, IReadOnlyList<CardSection> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n")
            .Append("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}table{border-collapse:collapse}")
            .Append("td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}code{background:#f4f4f4}img{max-width:100%}</style></head><body>\n")
            .Append("<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>\n");
        foreach (var section in sections)
        {
            html.Append("<h2>").Append(WebUtility.HtmlEncode(section.Title)).Append("</h2>\n");
            foreach (var line in section.Lines)
            {
                html.Append("<p>").Append(Inline(line)).Append("</p>\n");
            }

            if (section.Headers is { } headers)
            {
                html.Append("<table><tr>").AppendJoin(string.Empty, headers.Select(h => $"<th>{WebUtility.HtmlEncode(h)}</th>")).Append("</tr>\n");
                foreach (var row in section.Rows)
                {
                    html.Append("<tr>").AppendJoin(string.Empty, row.Select(c => $"<td>{WebUtility.HtmlEncode(c)}</td>")).Append("</tr>\n");
                }

                html.Append("</table>\n");
            }

            if (section.Figure is { } figure)
            {
                html.Append("<p><img alt=\"").Append(WebUtility.HtmlEncode(section.Title)).Append("\" src=\"data:image/png;base64,")
                    .Append(Convert.ToBase64String(figure.Png)).Append("\"></p>\n");
            }
        }

        return html.Append("</body></html>\n").ToString();
    }

    // The card's prose marks code with backticks, as in markdown.
    private static string Inline(string line) => Code().Replace(WebUtility.HtmlEncode(line), "<code>$1</code>");

    [GeneratedRegex("`([^`]*)`")]
    private static partial Regex Code();
}
