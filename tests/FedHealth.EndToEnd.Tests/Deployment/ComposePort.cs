namespace FedHealth.EndToEnd.Tests.Deployment;

/// <summary>One entry of a service's <c>ports</c>: a container port published on the host.</summary>
internal sealed record ComposePort(string? HostIp, string? Published, int Target)
{
    public static ComposePort Parse(object? node, string service)
    {
        var what = $"a port of {service}";
        if (node is string text)
        {
            // [[HOST_IP:]PUBLISHED:]TARGET[/PROTOCOL]
            var parts = text.Split('/')[0].Split(':');
            var target = YamlNodes.Integer(parts[^1], what);
            return new ComposePort(parts.Length > 2 ? parts[0] : null, parts.Length > 1 ? parts[^2] : null, target);
        }

        var map = YamlNodes.Map(node, what);
        return new ComposePort(YamlNodes.OptionalText(map, "host_ip"), YamlNodes.OptionalText(map, "published"), YamlNodes.Integer(map["target"], what));
    }
}
