namespace FedHealth.EndToEnd.Tests.Deployment;

/// <summary>The parts of a compose service the deployment specs check.</summary>
internal sealed record ComposeService(
    string Name,
    IReadOnlyList<string> Command,
    IReadOnlyList<ComposeMount> Mounts,
    IReadOnlyList<ComposePort> Ports,
    IReadOnlyList<int> Exposed,
    IReadOnlyList<string> Networks,
    IReadOnlyList<string> DependsOn,
    string? Restart,
    IReadOnlyDictionary<string, string> Environment,
    ComposeBuild? Build)
{
    /// <summary>The container path given to <c>--config</c>.</summary>
    public string ConfigPath
    {
        get
        {
            var index = Command.ToList().IndexOf("--config");
            Assert.True(index >= 0 && index + 1 < Command.Count, $"{Name}: the command has no --config PATH");
            return Command[index + 1];
        }
    }

    /// <summary>The mount that holds a container path (the innermost if mounts nest); fails when none does.</summary>
    public ComposeMount MountHolding(string containerPath) =>
        Mounts.Where(m => m.Holds(containerPath)).MaxBy(m => m.Target.Length)
        ?? throw new Xunit.Sdk.XunitException($"{Name}: no volume holds {containerPath}");

    /// <summary>Where a container path lives on the host, relative to the repository root (bind mounts only).</summary>
    public string RepositoryPathOf(string containerPath)
    {
        var mount = MountHolding(containerPath);
        Assert.True(mount.IsBind, $"{Name}: {containerPath} is in the volume {mount.Source}, not a bind mount");
        var inside = Path.GetRelativePath(mount.Target, containerPath);
        return Path.Combine(mount.RepositoryPath, inside == "." ? "" : inside).TrimEnd('/');
    }

    public static ComposeService Parse(string name, object? node)
    {
        var map = YamlNodes.Map(node, name);
        return new ComposeService(
            name,
            [.. YamlNodes.List(map.GetValueOrDefault("command"), $"{name}.command").Select(a => YamlNodes.Text(a, $"{name}.command"))],
            [.. YamlNodes.List(map.GetValueOrDefault("volumes"), $"{name}.volumes").Select(v => ComposeMount.Parse(v, name))],
            [.. YamlNodes.List(map.GetValueOrDefault("ports"), $"{name}.ports").Select(p => ComposePort.Parse(p, name))],
            [.. YamlNodes.List(map.GetValueOrDefault("expose"), $"{name}.expose").Select(p => YamlNodes.Integer(YamlNodes.Text(p, name).Split('/')[0], $"{name}.expose"))],
            YamlNodes.Names(map.GetValueOrDefault("networks"), $"{name}.networks"),
            YamlNodes.Names(map.GetValueOrDefault("depends_on"), $"{name}.depends_on"),
            YamlNodes.OptionalText(map, "restart"),
            EnvironmentOf(map.GetValueOrDefault("environment"), name),
            map.TryGetValue("build", out var build) ? ComposeBuild.Parse(build, name) : null);
    }

    private static IReadOnlyDictionary<string, string> EnvironmentOf(object? node, string name) => node switch
    {
        null => new Dictionary<string, string>(),
        IList<object> list => list.Select(e => YamlNodes.Text(e, $"{name}.environment").Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : ""),
        _ => YamlNodes.Map(node, $"{name}.environment").ToDictionary(e => e.Key, e => e.Value as string ?? ""),
    };
}
