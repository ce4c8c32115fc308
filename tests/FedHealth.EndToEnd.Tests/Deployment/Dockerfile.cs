namespace FedHealth.EndToEnd.Tests.Deployment;

/// <summary>A Dockerfile read into instructions: comments dropped, backslash continuations joined.</summary>
internal sealed record Dockerfile(IReadOnlyList<DockerInstruction> Instructions)
{
    public int FinalStage => Instructions.Max(i => i.Stage);

    public IEnumerable<DockerInstruction> All(string keyword) =>
        Instructions.Where(i => i.Keyword.Equals(keyword, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<DockerInstruction> InFinalStage(string keyword) => All(keyword).Where(i => i.Stage == FinalStage);

    public static Dockerfile Load(string path)
    {
        var instructions = new List<DockerInstruction>();
        var stage = -1;
        var pending = "";
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var text = pending + line;
            pending = "";
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            var keyword = text[..space].ToUpperInvariant();
            stage += keyword == "FROM" ? 1 : 0;
            instructions.Add(new DockerInstruction(stage, keyword, text[(space + 1)..].Trim()));
        }

        return new Dockerfile(instructions);
    }
}
