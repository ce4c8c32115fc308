using System.Text.Json.Nodes;
using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Deployment;

/// <summary>The example files of docs/configuration.md, the contract the service configs follow.</summary>
internal static class ConfigurationContract
{
    public static JsonObject Example(string fileName)
    {
        var lines = File.ReadAllLines(Path.Combine(Paths.RepositoryRoot, "docs", "configuration.md"));
        var heading = Array.IndexOf(lines, "## " + fileName);
        Assert.True(heading >= 0, $"docs/configuration.md has no section '## {fileName}'");
        var block = lines.Skip(heading).SkipWhile(l => l.Trim() != "```json").Skip(1).TakeWhile(l => l.Trim() != "```");
        return JsonNode.Parse(string.Join('\n', block))!.AsObject();
    }

    /// <summary>Every key of a JSON object as a dotted path (<c>Coordinator.Tls.Crl</c>); arrays are values.</summary>
    public static IEnumerable<string> KeyPaths(JsonObject json, string prefix = "") =>
        json.SelectMany(p => p.Value is JsonObject inner
            ? KeyPaths(inner, prefix + p.Key + ".").Prepend(prefix + p.Key)
            : [prefix + p.Key]);

    public static JsonObject Load(string repositoryPath) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Paths.RepositoryRoot, repositoryPath)))!.AsObject();
}
