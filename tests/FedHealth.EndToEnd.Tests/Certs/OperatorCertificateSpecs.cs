using System.Security.Cryptography.X509Certificates;
using FedHealth.EndToEnd.Tests.Support;
using FedHealth.Pki.Identity;
using FedHealth.Pki.Passwords;
using FedHealth.Pki.Trust;

namespace FedHealth.EndToEnd.Tests.Certs;

/// <summary><c>fedhealth certs issue --role operator</c>: a person's certificate for the web consoles (docs/console.md).</summary>
public sealed class OperatorCertificateSpecs
{
    [Fact]
    public async Task An_operator_certificate_is_issued_with_its_role_and_the_console_trust_accepts_it()
    {
        var ca = Path.Combine(FedHealthProcess.TempFolder(), "ca");
        var output = FedHealthProcess.TempFolder();
        Assert.Equal(0, (await FedHealthProcess.RunAsync("certs", "init-ca", "--out", ca, "--name", "Nordic Hospitals")).ExitCode);

        var issued = await FedHealthProcess.RunAsync("certs", "issue", "--ca", ca, "--id", "alice", "--role", "operator", "--out", output, "--json");

        Assert.True(issued.ExitCode == 0, issued.StdErr);
        Assert.Equal("operator", issued.Json["role"]!.GetValue<string>());
        using var alice = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(output, "alice.p12"), PasswordSource.FromFile(Path.Combine(output, "alice.p12.pass")).Read());
        using var trust = ConsortiumTrust.Load(Path.Combine(output, "ca.crt.pem"), Path.Combine(ca, "ca.crl.pem"));
        Assert.Equal(new PeerVerdict.Accepted("alice", PeerRole.Operator), trust.Verify(alice, null, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task An_unknown_role_is_refused_naming_the_three()
    {
        var run = await FedHealthProcess.RunAsync("certs", "issue", "--ca", FedHealthProcess.TempFolder(), "--id", "alice", "--role", "admin", "--out", FedHealthProcess.TempFolder());

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("operator", run.StdErr, StringComparison.Ordinal);
    }
}
