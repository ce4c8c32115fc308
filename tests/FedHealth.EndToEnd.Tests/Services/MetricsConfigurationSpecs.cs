using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Services;

public sealed class MetricsConfigurationSpecs
{
    [Fact]
    public async Task A_metrics_endpoint_with_a_bad_port_or_host_is_refused_naming_each_key()
    {
        var config = Path.Combine(FedHealthProcess.TempFolder(), "coordinator.json");
        File.WriteAllText(config, """{ "Coordinator": { "Metrics": { "Host": "monitoring.example", "Port": 9400, "CertificateWarningDays": -1 } }, "Study": { "Sites": ["a"] }, "Schema": { "Label": "y", "Columns": ["x"] } }""");

        var run = await FedHealthProcess.RunAsync("coordinator", "--config", config, "--Coordinator:Output", FedHealthProcess.TempFolder());

        run.AssertRefusedWith("Coordinator:Metrics:Host must be an IP address");
        Assert.Contains("Coordinator:Metrics:CertificateWarningDays must be 0 or more", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_metrics_port_out_of_range_is_refused_by_name()
    {
        var run = await FedHealthProcess.RunAsync(
            "node", "--config", Path.Combine(Paths.RepositoryRoot, "deploy/compose/config/hospital-0/node.json"), "--Node:Metrics:Port", "70000");

        run.AssertRefusedWith("Node:Metrics:Port must be 1–65535, or 0 for no metrics endpoint (got 70000)");
    }
}
