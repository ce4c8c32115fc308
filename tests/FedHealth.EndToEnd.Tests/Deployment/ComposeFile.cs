using YamlDotNet.Core;
using YamlDotNet.Serialization;
using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Deployment;

/// <summary>docker-compose.sim.yml, parsed by YamlDotNet with its merge keys (<c>&lt;&lt;: *fedhealth</c>) resolved.</summary>
internal sealed record ComposeFile(IReadOnlyDictionary<string, ComposeService> Services, IReadOnlyDictionary<string, bool> NetworkIsInternal)
{
    public const string FileName = "docker-compose.sim.yml";

    public static string Text => File.ReadAllText(Path.Combine(Paths.RepositoryRoot, FileName));

    public static ComposeFile Load() => Parse(Text);

    public static ComposeFile Parse(string yaml)
    {
        using var reader = new StringReader(yaml);
        var root = YamlNodes.Map(new DeserializerBuilder().Build().Deserialize<object>(new MergingParser(new Parser(reader))), FileName);
        var services = YamlNodes.Map(root.GetValueOrDefault("services"), "services")
            .ToDictionary(s => s.Key, s => ComposeService.Parse(s.Key, s.Value));
        var networks = YamlNodes.Map(root.GetValueOrDefault("networks"), "networks")
            .ToDictionary(n => n.Key, n => YamlNodes.OptionalText(YamlNodes.Map(n.Value, n.Key), "internal") == "true");
        return new ComposeFile(services, networks);
    }

    public ComposeService this[string service] =>
        Services.TryGetValue(service, out var found) ? found : throw new Xunit.Sdk.XunitException($"{FileName} has no service '{service}'");
}
