using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using FedHealth.Pki.Credentials;
using FedHealth.Pki.Identity;
using FedHealth.Pki.Passwords;
using FedHealth.Pki.Trust;

namespace FedHealth.EndToEnd.Tests.Deployment;

/// <summary>deploy/compose/prepare.sh makes exactly what the configs name, in the folders the compose file mounts.</summary>
public sealed class PrepareScriptSpecs(PreparedFederation prepared) : IClassFixture<PreparedFederation>
{
    private static readonly string[] CaOnly = ["ca.p12", "ca.p12.pass", "index.json"];

    private readonly ComposeFile _compose = ComposeFile.Load();

    [Fact]
    public void Every_file_a_config_names_is_made_inside_a_folder_that_service_mounts()
    {
        foreach (var service in _compose.Services.Values)
        {
            var config = SimFederation.Config(service);
            var section = (config["Coordinator"] ?? config["Node"])!;
            var files = new[] { section["Tls"]!["Certificate"], section["Tls"]!["PasswordFile"], section["Tls"]!["CaCertificate"], section["Tls"]!["Crl"], section["Data"]?["Path"] };

            foreach (var file in files.OfType<JsonNode>().Select(f => f.GetValue<string>()))
            {
                var host = prepared.HostPath(service.RepositoryPathOf(file));
                Assert.True(File.Exists(host), $"{service.Name} reads {file}, which prepare.sh did not make ({host})");
            }
        }
    }

    [Fact]
    public void No_mounted_folder_holds_the_CA_key_or_another_service_s_key()
    {
        foreach (var service in _compose.Services.Values)
        {
            var certificate = SimFederation.Config(service).Select(p => p.Value!["Tls"]?["Certificate"]).OfType<JsonNode>().Single().GetValue<string>();
            var mounted = service.Mounts.Where(m => m.IsBind && SimFederation.IsGenerated(m.RepositoryPath))
                .SelectMany(m => Directory.GetFiles(prepared.HostPath(m.RepositoryPath), "*", SearchOption.AllDirectories)).ToList();

            Assert.NotEmpty(mounted);
            Assert.DoesNotContain(mounted, f => CaOnly.Contains(Path.GetFileName(f)));
            Assert.Equal([Path.GetFileName(certificate)], mounted.Where(f => f.EndsWith(".p12", StringComparison.Ordinal)).Select(Path.GetFileName));
        }
    }

    [Fact]
    public void Each_hospital_gets_only_its_own_rows_with_the_header_less_the_center_column()
    {
        var source = File.ReadAllLines(prepared.SourceCsv);
        var header = source[0].Split(',');
        var center = Array.IndexOf(header, "center");

        foreach (var service in SimFederation.Hospitals.Select(h => _compose[h]))
        {
            var node = SimFederation.Config(service)["Node"]!;
            var site = node["SiteId"]!.GetValue<string>();
            var rows = File.ReadAllLines(prepared.HostPath(service.RepositoryPathOf(node["Data"]!["Path"]!.GetValue<string>())));
            var expected = source.Skip(1).Where(l => l.Split(',')[center] == site).Select(l => WithoutColumn(l, center));

            Assert.Equal(WithoutColumn(source[0], center), rows[0]);
            Assert.Equal(expected, rows.Skip(1));
            Assert.NotEmpty(rows.Skip(1));
        }
    }

    [Fact]
    public void The_consortium_trust_accepts_every_hospital_as_its_enrolled_site_and_the_coordinator_under_its_service_name()
    {
        var coordinatorService = _compose[SimFederation.Coordinator];
        var coordinator = SimFederation.Config(coordinatorService);
        var tls = coordinator["Coordinator"]!["Tls"]!;
        var enrolled = coordinator["Study"]!["Sites"]!.AsArray().Select(s => s!.GetValue<string>()).ToHashSet();
        var ca = HostFile(coordinatorService, tls["CaCertificate"]);
        var crl = HostFile(coordinatorService, tls["Crl"]);
        var now = DateTimeOffset.UtcNow;
        using var sites = ConsortiumTrust.Load(ca, crl, new ConsortiumTrustOptions { Enrolled = enrolled });
        using var peers = ConsortiumTrust.Load(ca, crl);

        foreach (var service in SimFederation.Hospitals.Select(h => _compose[h]))
        {
            var node = SimFederation.Config(service)["Node"]!;
            using var certificate = Load(service, node["Tls"]!);
            Assert.Equal(new PeerVerdict.Accepted(node["SiteId"]!.GetValue<string>(), PeerRole.Site), sites.Verify(certificate, null, now));
            Assert.Contains(service.Name, DnsNames(certificate));
        }

        using var hub = Load(coordinatorService, tls);
        Assert.Equal(new PeerVerdict.Accepted(SimFederation.Coordinator, PeerRole.Coordinator), peers.Verify(hub, null, now));
        Assert.Contains(coordinator["Coordinator"]!["Bind"]!["PublicHost"]!.GetValue<string>(), DnsNames(hub));
    }

    private string HostFile(ComposeService service, JsonNode? containerPath) =>
        prepared.HostPath(service.RepositoryPathOf(containerPath!.GetValue<string>()));

    private X509Certificate2 Load(ComposeService service, JsonNode tls) =>
        SiteCredentials.Load(HostFile(service, tls["Certificate"]), PasswordSource.FromFile(HostFile(service, tls["PasswordFile"])));

    private static IEnumerable<string> DnsNames(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateDnsNames());

    private static string WithoutColumn(string line, int column) =>
        string.Join(',', line.Split(',').Where((_, i) => i != column));
}
