using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using FedHealth.EndToEnd.Tests.Support;
using FedHealth.Pki.Credentials;
using FedHealth.Pki.Identity;
using FedHealth.Pki.Passwords;
using FedHealth.Pki.Trust;

namespace FedHealth.EndToEnd.Tests.Certs;

/// <summary>The consortium PKI as an operator drives it: the real <c>fedhealth certs</c> commands, checked by the trust a peer would run.</summary>
public sealed class CertsCommandSpecs
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task Init_ca_issue_and_revoke_give_credentials_the_trust_accepts_until_the_revocation()
    {
        var ca = Path.Combine(FedHealthProcess.TempFolder(), "ca");
        var output = FedHealthProcess.TempFolder();

        var init = await FedHealthProcess.RunAsync("certs", "init-ca", "--out", ca, "--name", "Nordic Hospitals", "--json");
        var site = await FedHealthProcess.RunAsync("certs", "issue", "--ca", ca, "--id", "site-a", "--role", "site", "--out", output, "--json");
        var hub = await FedHealthProcess.RunAsync("certs", "issue", "--ca", ca, "--id", "hub", "--role", "coordinator", "--out", output, "--dns", "hub.example.org", "localhost", "--json");

        Assert.True(init.ExitCode == 0, init.StdErr);
        Assert.True(site.ExitCode == 0, site.StdErr);
        Assert.True(hub.ExitCode == 0, hub.StdErr);
        foreach (var file in new[] { "ca.crt.pem", "ca.p12", "ca.p12.pass", "ca.crl.pem", "index.json" })
        {
            Assert.True(File.Exists(Path.Combine(ca, file)), $"init-ca did not write {file}");
        }

        foreach (var file in new[] { "site-a.crt.pem", "site-a.p12", "site-a.p12.pass", "hub.p12", "ca.crt.pem" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), $"issue did not write {file}");
        }

        AssertOwnerOnly(Path.Combine(ca, "ca.p12"), Path.Combine(ca, "ca.p12.pass"), Path.Combine(output, "site-a.p12"), Path.Combine(output, "site-a.p12.pass"));
        var secrets = new[] { Path.Combine(ca, "ca.p12.pass"), Path.Combine(output, "site-a.p12.pass") }.Select(f => File.ReadAllText(f).Trim());
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, init.StdOut + init.StdErr + site.StdOut + site.StdErr, StringComparison.Ordinal));
        Assert.Equal(site.Json["serial"]!.GetValue<string>(), Credentials(output, "site-a").SerialNumber);

        using var trust = ConsortiumTrust.Load(Path.Combine(output, "ca.crt.pem"), Path.Combine(ca, "ca.crl.pem"), new ConsortiumTrustOptions { CrlCheckInterval = TimeSpan.Zero });
        using var siteCertificate = Credentials(output, "site-a");
        using var hubCertificate = Credentials(output, "hub");
        Assert.Equal(new PeerVerdict.Accepted("site-a", PeerRole.Site), trust.Verify(siteCertificate, null, DateTimeOffset.UtcNow));
        Assert.Equal(new PeerVerdict.Accepted("hub", PeerRole.Coordinator), trust.Verify(hubCertificate, null, DateTimeOffset.UtcNow));

        var again = await FedHealthProcess.RunAsync("certs", "issue", "--ca", ca, "--id", "site-a", "--role", "site", "--out", output);
        again.AssertRefusedWith("already has a valid certificate");

        var revoke = await FedHealthProcess.RunAsync("certs", "revoke", "--ca", ca, "--id", "site-a", "--json");

        Assert.True(revoke.ExitCode == 0, revoke.StdErr);
        Assert.Equal(2, revoke.Json["crl_number"]!.GetValue<long>());
        Assert.Equal(site.Json["serial"]!.GetValue<string>(), revoke.Json["revoked"]![0]!.GetValue<string>());
        var verdict = Assert.IsType<PeerVerdict.Rejected>(trust.Verify(siteCertificate, null, DateTimeOffset.UtcNow));
        Assert.Equal(RejectionReason.Revoked, verdict.Reason);
        Assert.True(trust.Verify(hubCertificate, null, DateTimeOffset.UtcNow).IsAccepted);

        var list = await FedHealthProcess.RunAsync("certs", "list", "--ca", ca, "--json");
        var statuses = list.Json["certificates"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!["status"]!.GetValue<string>());
        Assert.Equal(new Dictionary<string, string> { ["site-a"] = "revoked", ["hub"] = "valid" }, statuses);
        Assert.Equal("Nordic Hospitals", list.Json["consortium"]!.GetValue<string>());
    }

    [Fact]
    public async Task Passwords_come_from_files_and_environment_variables_and_then_nothing_is_written_beside_the_keys()
    {
        var ca = Path.Combine(FedHealthProcess.TempFolder(), "ca");
        var output = FedHealthProcess.TempFolder();
        var caPassword = WriteSecret("the consortium CA password\n");
        var variable = "FEDHEALTH_E2E_SITE_PASSWORD_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "the password of site b");

        var init = await FedHealthProcess.RunAsync("certs", "init-ca", "--out", ca, "--name", "C", "--password-file", caPassword);
        var issue = await FedHealthProcess.RunAsync("certs", "issue", "--ca", ca, "--ca-password-file", caPassword, "--id", "site-b", "--role", "site", "--out", output, "--password-env", variable);
        var withoutCaPassword = await FedHealthProcess.RunAsync("certs", "issue", "--ca", ca, "--id", "site-c", "--role", "site", "--out", output);

        Assert.True(init.ExitCode == 0, init.StdErr);
        Assert.True(issue.ExitCode == 0, issue.StdErr);
        Assert.False(File.Exists(Path.Combine(ca, "ca.p12.pass")));
        Assert.False(File.Exists(Path.Combine(output, "site-b.p12.pass")));
        using var credentials = SiteCredentials.Load(Path.Combine(output, "site-b.p12"), PasswordSource.FromEnvironment(variable));
        Assert.True(credentials.HasPrivateKey);
        withoutCaPassword.AssertRefusedWith("ca.p12.pass");
    }

    [Fact]
    public async Task An_explicit_past_validity_window_makes_a_certificate_the_trust_calls_expired()
    {
        var ca = Path.Combine(FedHealthProcess.TempFolder(), "ca");
        var output = FedHealthProcess.TempFolder();
        var now = DateTimeOffset.UtcNow;
        await FedHealthProcess.RunAsync("certs", "init-ca", "--out", ca, "--name", "C");

        var issue = await FedHealthProcess.RunAsync(
            "certs", "issue", "--ca", ca, "--id", "old", "--role", "site", "--out", output,
            "--not-before", now.AddMinutes(-40).ToString("O"), "--not-after", now.AddMinutes(-20).ToString("O"));

        Assert.True(issue.ExitCode == 0, issue.StdErr);
        using var trust = ConsortiumTrust.Load(Path.Combine(ca, "ca.crt.pem"), Path.Combine(ca, "ca.crl.pem"));
        using var old = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(output, "old.crt.pem"));
        Assert.Equal(RejectionReason.Expired, Assert.IsType<PeerVerdict.Rejected>(trust.Verify(old, null, now)).Reason);
    }

    public static TheoryData<string, string[], string> Refusals => new()
    {
        { "a second CA in the same folder", ["certs", "init-ca", "--out", "{ca}", "--name", "Again"], "already holds a consortium CA" },
        { "an invalid id", ["certs", "issue", "--ca", "{ca}", "--id", "../etc", "--role", "site", "--out", "{out}"], "not a valid id" },
        { "an unknown role", ["certs", "issue", "--ca", "{ca}", "--id", "a", "--role", "auditor", "--out", "{out}"], "auditor" },
        { "a wrong CA password", ["certs", "issue", "--ca", "{ca}", "--ca-password-file", "{wrong}", "--id", "a", "--role", "site", "--out", "{out}"], "the password for ca.p12 is wrong" },
        { "a password on the command line", ["certs", "init-ca", "--out", "{new}", "--name", "X", "--password", "hunter2hunter2"], "--password" },
        { "two password sources", ["certs", "init-ca", "--out", "{new}", "--name", "X", "--password-file", "{wrong}", "--password-env", "HOME"], "not both" },
        { "a short password", ["certs", "init-ca", "--out", "{new}", "--name", "X", "--password-file", "{short}"], "at least 12" },
        { "revoking an id never issued", ["certs", "revoke", "--ca", "{ca}", "--id", "ghost"], "ghost" },
        { "a folder without a CA", ["certs", "list", "--ca", "{new}"], "index.json" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Mistakes_are_refused_with_a_clear_error_and_write_no_key(string problem, string[] args, string expected)
    {
        var ca = Path.Combine(FedHealthProcess.TempFolder(), "ca");
        await FedHealthProcess.RunAsync("certs", "init-ca", "--out", ca, "--name", "C");
        var (output, fresh) = (FedHealthProcess.TempFolder(), Path.Combine(FedHealthProcess.TempFolder(), "new"));
        var places = new Dictionary<string, string>
        {
            ["{ca}"] = ca,
            ["{out}"] = output,
            ["{new}"] = fresh,
            ["{wrong}"] = WriteSecret("this is not the password"),
            ["{short}"] = WriteSecret("short"),
        };

        var run = await FedHealthProcess.RunAsync(["certs", .. args.Skip(1).Select(a => places.GetValueOrDefault(a, a))]);

        Assert.False(string.IsNullOrEmpty(problem));
        run.AssertRefusedWith(expected);
        Assert.Empty(Directory.GetFiles(output));
        Assert.False(Directory.Exists(fresh) && Directory.GetFiles(fresh, "*.p12").Length > 0);
    }

    private static void AssertOwnerOnly(params string[] paths)
    {
        foreach (var path in paths)
        {
            if (!OperatingSystem.IsWindows())
            {
                Assert.True(File.GetUnixFileMode(path) == OwnerOnly, $"{path} is not owner-only");
            }
        }
    }

    private static X509Certificate2 Credentials(string folder, string id) =>
        SiteCredentials.Load(Path.Combine(folder, id + ".p12"), PasswordSource.FromFile(Path.Combine(folder, id + ".p12.pass")));

    private static string WriteSecret(string content)
    {
        var path = Path.Combine(FedHealthProcess.TempFolder(), "password");
        File.WriteAllText(path, content);
        return path;
    }
}
