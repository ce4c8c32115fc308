using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Services;

public sealed class ServiceConfigurationSpecs
{
    [Theory]
    [InlineData("coordinator", "deploy/compose/config/coordinator.json")]
    [InlineData("node", "deploy/compose/config/hospital-0/node.json")]
    [InlineData("node", "deploy/compose/config/hospital-2/node.json")]
    public async Task The_compose_configurations_pass_the_services_own_validation_but_for_files_that_exist_only_in_the_containers(string service, string config)
    {
        var run = await FedHealthProcess.RunAsync(service, "--config", Path.Combine(Paths.RepositoryRoot, config));

        run.AssertRefusedWith("invalid configuration");
        var problems = run.StdErr.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Contains("no such file '/", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_misspelt_key_is_refused_by_name_at_start_up()
    {
        var config = Write("""{ "Coordinator": { "Bind": { "Host": "127.0.0.1", "Port": 7400 } }, "Study": { "Roudns": 3 } }""");

        (await FedHealthProcess.RunAsync("coordinator", "--config", config)).AssertRefusedWith("Roudns");
    }

    [Fact]
    public async Task A_coordinator_without_its_certificates_is_refused_naming_each_missing_key()
    {
        var config = Write("""{ "Study": { "Sites": ["a", "b", "c"], "Dp": "record" }, "Schema": { "Label": "y", "Columns": ["x"] } }""");

        var run = await FedHealthProcess.RunAsync("coordinator", "--config", config, "--Coordinator:Output", FedHealthProcess.TempFolder());

        run.AssertRefusedWith("Coordinator:Tls:Certificate is required");
        Assert.Contains("Coordinator:Tls:CaCertificate is required", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("PasswordFile or PasswordEnv", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_interval_below_one_is_refused_naming_the_key()
    {
        var config = Write("""{ "Study": { "Sites": ["a", "b", "c"], "Dp": "off" }, "Schema": { "Label": "y", "Columns": ["x"] } }""");

        var run = await FedHealthProcess.RunAsync("coordinator", "--config", config, "--Coordinator:Output", FedHealthProcess.TempFolder(), "--Coordinator:CheckpointEvery", "0");

        run.AssertRefusedWith("Coordinator:CheckpointEvery must be at least 1 (got 0)");
    }

    [Fact]
    public async Task A_missing_or_broken_configuration_file_is_refused_with_its_name()
    {
        (await FedHealthProcess.RunAsync("node", "--config", "/nonexistent/node.json")).AssertRefusedWith("/nonexistent/node.json");
        (await FedHealthProcess.RunAsync("node", "--config", Write("{ not json"))).AssertRefusedWith("not valid JSON");
    }

    [Fact]
    public async Task Environment_variables_and_command_line_overrides_reach_the_configuration()
    {
        var config = Write("""{ "Node": { "SiteId": "bad id!" } }""");

        var run = await FedHealthProcess.RunAsync("node", "--config", config, "--Node:SiteId", "also bad!");

        run.AssertRefusedWith("'also bad!'");
    }

    private static string Write(string json)
    {
        var path = Path.Combine(FedHealthProcess.TempFolder(), "config.json");
        File.WriteAllText(path, json);
        return path;
    }
}
