using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Services;

/// <summary>
/// A service starts only with a certificate that names it, kept in owner-only files: a site's
/// certificate is not the coordinator's, a node speaks only for the site its certificate names,
/// and a password file other users can read is refused (docs/security.md).
/// </summary>
public sealed class OwnCertificateSpecs
{
    private static readonly Lazy<Task<(string Ca, string Certs)>> Pki = new(IssueAsync);

    [Fact]
    public async Task A_coordinator_holding_a_sites_certificate_is_refused_before_it_listens()
    {
        var (ca, certs) = await Pki.Value;

        var run = await FedHealthProcess.RunAsync(Coordinator(ca, certs, "site-a"));

        run.AssertRefusedWith("the certificate is a site's (urn:fedhealth:site:site-a)");
    }

    [Fact]
    public async Task A_node_whose_site_id_differs_from_its_certificates_is_refused()
    {
        var (ca, certs) = await Pki.Value;

        var run = await FedHealthProcess.RunAsync(
            "node", "--config", Path.Combine(Paths.RepositoryRoot, "deploy/compose/config/hospital-0/node.json"),
            "--Node:SiteId", "site-b",
            "--Node:Data:Path", Paths.SharedData("heart-disease", "heart_disease_flamby.csv"),
            "--Node:Data:SiteColumn", "center",
            "--Node:Data:SiteValue", "0",
            "--Node:State:Directory", FedHealthProcess.TempFolder(),
            "--Node:Tls:Certificate", Path.Combine(certs, "site-a.p12"),
            "--Node:Tls:PasswordFile", Path.Combine(certs, "site-a.p12.pass"),
            "--Node:Tls:CaCertificate", Path.Combine(certs, "ca.crt.pem"),
            "--Node:Tls:Crl", Path.Combine(ca, "ca.crl.pem"));

        run.AssertRefusedWith("issued to site 'site-a' but Node:SiteId is 'site-b'");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_password_file_that_other_users_can_read_is_refused_naming_the_fix()
    {
        var (ca, certs) = await Pki.Value;
        var open = Path.Combine(FedHealthProcess.TempFolder(), "hub.p12.pass");
        File.Copy(Path.Combine(certs, "hub.p12.pass"), open);
        File.SetUnixFileMode(open, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var run = await FedHealthProcess.RunAsync([.. Coordinator(ca, certs, "hub"), "--Coordinator:Tls:PasswordFile", open]);

        run.AssertRefusedWith("(mode 0644)");
        Assert.Contains("chmod 600", run.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("coordinator", "--Coordinator:Bind:Port 7100")]
    [InlineData("node", "--Node:Bind:Port 7101")]
    public async Task The_services_help_describes_the_configuration_overrides(string service, string example)
    {
        var run = await FedHealthProcess.RunAsync(service, "--help");

        var help = run.StdOut + run.StdErr;
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"fedhealth {service} --config <file> [--<Section>:<Key> <value>]...", help, StringComparison.Ordinal);
        Assert.Contains(example, help, StringComparison.Ordinal);
        Assert.DoesNotContain("passed to the application", help, StringComparison.Ordinal);
        Assert.DoesNotContain("]]", help, StringComparison.Ordinal);
    }

    private static string[] Coordinator(string ca, string certs, string id) =>
    [
        "coordinator", "--config", Path.Combine(Paths.RepositoryRoot, "deploy/compose/config/coordinator.json"),
        "--Coordinator:Bind:Host", "127.0.0.1",
        "--Coordinator:Bind:Port", "7419",
        "--Coordinator:Tls:Certificate", Path.Combine(certs, $"{id}.p12"),
        "--Coordinator:Tls:PasswordFile", Path.Combine(certs, $"{id}.p12.pass"),
        "--Coordinator:Tls:CaCertificate", Path.Combine(certs, "ca.crt.pem"),
        "--Coordinator:Tls:Crl", Path.Combine(ca, "ca.crl.pem"),
        "--Coordinator:Output", FedHealthProcess.TempFolder(),
    ];

    private static async Task<(string Ca, string Certs)> IssueAsync()
    {
        var ca = Path.Combine(FedHealthProcess.TempFolder(), "ca");
        var certs = FedHealthProcess.TempFolder();
        Assert.Equal(0, (await FedHealthProcess.RunAsync("certs", "init-ca", "--out", ca, "--name", "Test Consortium")).ExitCode);
        Assert.Equal(0, (await FedHealthProcess.RunAsync("certs", "issue", "--ca", ca, "--id", "hub", "--role", "coordinator", "--out", certs, "--dns", "localhost")).ExitCode);
        Assert.Equal(0, (await FedHealthProcess.RunAsync("certs", "issue", "--ca", ca, "--id", "site-a", "--role", "site", "--out", certs)).ExitCode);
        return (ca, certs);
    }
}
