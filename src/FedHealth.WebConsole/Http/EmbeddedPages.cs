using Microsoft.AspNetCore.Http;

namespace FedHealth.WebConsole.Http;

/// <summary>The console's pages, styles and scripts, served from the assembly's resources (no files on disk, no build step).</summary>
internal static class EmbeddedPages
{
    private const string Prefix = "FedHealth.WebConsole.Pages.";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    /// <summary>The file <paramref name="name"/> (e.g. <c>console.css</c>), or 404 when the assembly has no such page.</summary>
    public static IResult Serve(string name)
    {
        var extension = Path.GetExtension(name);
        if (name.Contains('/', StringComparison.Ordinal) || !ContentTypes.TryGetValue(extension, out var type)
            || typeof(EmbeddedPages).Assembly.GetManifestResourceStream(Prefix + name) is not { } stream)
        {
            return Results.NotFound();
        }

        return Results.Stream(stream, type);
    }

    public static IEnumerable<string> Names() =>
        typeof(EmbeddedPages).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(n => n[Prefix.Length..]);
}
