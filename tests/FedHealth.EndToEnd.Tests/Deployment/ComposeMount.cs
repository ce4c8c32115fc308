using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Deployment;

/// <summary>One entry of a service's <c>volumes</c>: a bind mount of a host path or a named volume.</summary>
internal sealed record ComposeMount(string Type, string Source, string Target, bool ReadOnly)
{
    public bool IsBind => Type == "bind";

    /// <summary>The host path of a bind mount, relative to the compose file's folder (the repository root).</summary>
    public string RepositoryPath => Path.GetRelativePath(Paths.RepositoryRoot, Path.GetFullPath(Path.Combine(Paths.RepositoryRoot, Source)));

    public bool Holds(string containerPath) =>
        containerPath == Target || containerPath.StartsWith(Target.TrimEnd('/') + "/", StringComparison.Ordinal);

    public static ComposeMount Parse(object? node, string service)
    {
        var what = $"a volume of {service}";
        if (node is string text)
        {
            // SOURCE:TARGET[:MODE]; a source that is a path (not a volume name) makes a bind mount.
            var parts = text.Split(':');
            var mode = parts.Length > 2 ? parts[2] : "rw";
            var type = parts[0].StartsWith('.') || parts[0].StartsWith('/') || parts[0].StartsWith('~') ? "bind" : "volume";
            return new ComposeMount(type, parts[0], parts[1], mode.Split(',').Contains("ro"));
        }

        var map = YamlNodes.Map(node, what);
        return new ComposeMount(
            YamlNodes.OptionalText(map, "type") ?? "volume",
            YamlNodes.OptionalText(map, "source") ?? "",
            YamlNodes.Text(map["target"], what),
            YamlNodes.OptionalText(map, "read_only") == "true");
    }
}
