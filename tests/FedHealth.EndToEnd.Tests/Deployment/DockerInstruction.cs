using System.Text.Json;

namespace FedHealth.EndToEnd.Tests.Deployment;

/// <summary>One Dockerfile instruction, continuation lines joined, in build stage <see cref="Stage"/> (0 = the first FROM).</summary>
internal sealed record DockerInstruction(int Stage, string Keyword, string Arguments)
{
    /// <summary>The arguments without <c>--flag=value</c> options, in exec (JSON) or shell form.</summary>
    public IReadOnlyList<string> Words =>
        Arguments.TrimStart().StartsWith('[')
            ? JsonSerializer.Deserialize<string[]>(Arguments)!
            : [.. Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).SkipWhile(w => w.StartsWith("--", StringComparison.Ordinal))];

    public bool CopiesFromAnotherStage => Arguments.Contains("--from=", StringComparison.Ordinal);

    /// <summary>What a COPY or ADD takes from the build context: every word but the destination.</summary>
    public IReadOnlyList<string> Sources => Words.Count > 1 ? [.. Words.Take(Words.Count - 1)] : [];
}
