using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Deployment;

/// <summary>A service's <c>build</c>: the context folder and the Dockerfile, both relative to the repository root.</summary>
internal sealed record ComposeBuild(string Context, string Dockerfile)
{
    public string ContextPath => Path.GetFullPath(Path.Combine(Paths.RepositoryRoot, Context));

    public string DockerfilePath => Path.GetFullPath(Path.Combine(ContextPath, Dockerfile));

    public static ComposeBuild Parse(object? node, string service)
    {
        if (node is string context)
        {
            return new ComposeBuild(context, "Dockerfile");
        }

        var map = YamlNodes.Map(node, $"{service}.build");
        return new ComposeBuild(YamlNodes.OptionalText(map, "context") ?? ".", YamlNodes.OptionalText(map, "dockerfile") ?? "Dockerfile");
    }
}
