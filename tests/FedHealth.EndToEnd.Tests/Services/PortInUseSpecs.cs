using System.Net;
using System.Net.Sockets;
using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Services;

public sealed class PortInUseSpecs
{
    [Fact]
    public async Task A_coordinator_whose_port_is_taken_says_so_in_one_line_without_a_stack_trace()
    {
        var ca = Path.Combine(FedHealthProcess.TempFolder(), "ca");
        var certs = FedHealthProcess.TempFolder();
        Assert.Equal(0, (await FedHealthProcess.RunAsync("certs", "init-ca", "--out", ca, "--name", "Test Consortium")).ExitCode);
        Assert.Equal(0, (await FedHealthProcess.RunAsync("certs", "issue", "--ca", ca, "--id", "hub", "--role", "coordinator", "--out", certs, "--dns", "localhost")).ExitCode);
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var run = await FedHealthProcess.RunAsync(
            "coordinator", "--config", Path.Combine(Paths.RepositoryRoot, "deploy/compose/config/coordinator.json"),
            "--Coordinator:Bind:Host", "127.0.0.1",
            "--Coordinator:Bind:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Coordinator:Tls:Certificate", Path.Combine(certs, "hub.p12"),
            "--Coordinator:Tls:PasswordFile", Path.Combine(certs, "hub.p12.pass"),
            "--Coordinator:Tls:CaCertificate", Path.Combine(certs, "ca.crt.pem"),
            "--Coordinator:Tls:Crl", Path.Combine(ca, "ca.crl.pem"),
            "--Coordinator:Output", FedHealthProcess.TempFolder());

        run.AssertRefusedWith("already in use");
        Assert.Single(run.StdErr.Split('\n'), line => line.Contains("error", StringComparison.OrdinalIgnoreCase));
    }
}
