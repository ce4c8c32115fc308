using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Pki.Authority;
using FedHealth.Pki.Identity;
using FedHealth.Pki.Issuance;
using FedHealth.Pki.Passwords;
using FedHealth.Pki.Storage;
using FedHealth.Pki.Tests.Support;

namespace FedHealth.Pki.Tests.Issuance;

public sealed class IssueSpecs
{
    [Fact]
    public void A_site_certificate_names_the_site_and_is_fit_for_mutual_TLS()
    {
        using var authority = TestAuthority.Create();

        var issued = authority.Issue("st-olav");

        using var certificate = TestAuthority.Presented(issued);
        Assert.Equal("CN=st-olav, O=Test Consortium", certificate.Subject);
        Assert.Equal(authority.Ca.Certificate.Subject, certificate.Issuer);
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["localhost"], names.EnumerateDnsNames());
        Assert.Equal([IPAddress.Loopback], names.EnumerateIPAddresses());
        Assert.Contains("URI:urn:fedhealth:site:st-olav", names.Format(false), StringComparison.Ordinal);
        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value);
        Assert.Equal([CertificateIssuer.ServerAuth, CertificateIssuer.ClientAuth], usages);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, certificate.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
        Assert.False(certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.Equal(SerialNumbers.Size, certificate.SerialNumberBytes.Length);
        Assert.InRange((certificate.NotAfter - certificate.NotBefore).TotalDays, 365, 365.01);
        Assert.Equal(256, certificate.GetECDsaPublicKey()!.KeySize);
    }

    [Fact]
    public void A_coordinator_certificate_carries_the_coordinator_identity_and_the_requested_names()
    {
        using var authority = TestAuthority.Create();

        var issued = authority.Issue("hub", PeerRole.Coordinator, r => r with { DnsNames = ["coordinator.example.org", "localhost"], Days = 30 });

        using var certificate = TestAuthority.Presented(issued);
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["coordinator.example.org", "localhost"], names.EnumerateDnsNames());
        Assert.Contains("URI:urn:fedhealth:coordinator:hub", names.Format(false), StringComparison.Ordinal);
        Assert.InRange((certificate.NotAfter - certificate.NotBefore).TotalDays, 30, 30.01);
        Assert.Equal("coordinator", issued.Entry.Role);
    }

    [Fact]
    public void The_site_PKCS12_holds_the_site_key_and_the_CA_certificate_but_never_the_CA_key()
    {
        using var authority = TestAuthority.Create();

        var issued = authority.Issue("site-a");

        var password = PasswordSource.FromFile(issued.GeneratedPasswordFile!).Read();
        var contents = X509CertificateLoader.LoadPkcs12CollectionFromFile(issued.Pkcs12Path, password);
        Assert.Equal(2, contents.Count);
        Assert.True(contents.Single(c => c.Subject.StartsWith("CN=site-a", StringComparison.Ordinal)).HasPrivateKey);
        Assert.False(contents.Single(c => c.Thumbprint == authority.Ca.Certificate.Thumbprint).HasPrivateKey);
        Assert.Equal(File.ReadAllText(authority.Directory.Certificate), File.ReadAllText(Path.Combine(authority.Output, "ca.crt.pem")));
    }

    [Fact]
    public void A_generated_site_password_is_written_owner_only_beside_the_PKCS12_before_it()
    {
        using var authority = TestAuthority.Create();

        var issued = authority.Issue("site-a");

        Assert.Equal(issued.Pkcs12Path + ".pass", issued.GeneratedPasswordFile);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(issued.GeneratedPasswordFile!));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(issued.Pkcs12Path));
        }

        Assert.True(File.GetLastWriteTimeUtc(issued.GeneratedPasswordFile!) <= File.GetLastWriteTimeUtc(issued.Pkcs12Path));
    }

    [Fact]
    public void A_chosen_site_password_from_a_file_or_the_environment_protects_the_PKCS12_and_no_pass_file_is_written()
    {
        using var authority = TestAuthority.Create();
        var variable = "FEDHEALTH_TEST_SITE_PASSWORD_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "environment password 1");
        var file = TempFolder.WriteFile("file password 2\n");

        var fromEnvironment = authority.Issue("site-a", adjust: r => r with { Password = PasswordSource.FromEnvironment(variable) });
        var fromFile = authority.Issue("site-b", adjust: r => r with { Password = PasswordSource.FromFile(file) });

        Assert.Null(fromEnvironment.GeneratedPasswordFile);
        Assert.Null(fromFile.GeneratedPasswordFile);
        Assert.False(File.Exists(fromEnvironment.Pkcs12Path + ".pass"));
        using var a = X509CertificateLoader.LoadPkcs12FromFile(fromEnvironment.Pkcs12Path, "environment password 1");
        using var b = X509CertificateLoader.LoadPkcs12FromFile(fromFile.Pkcs12Path, "file password 2");
        Assert.True(a.HasPrivateKey && b.HasPrivateKey);
    }

    [Fact]
    public void No_PKCS12_is_written_when_the_chosen_password_cannot_be_read()
    {
        using var authority = TestAuthority.Create();
        var unset = "FEDHEALTH_TEST_UNSET_" + Guid.NewGuid().ToString("N");

        Assert.Throws<PkiException>(() => authority.Issue("site-a", adjust: r => r with { Password = PasswordSource.FromEnvironment(unset) }));

        Assert.Empty(Directory.GetFiles(authority.Output));
        Assert.Empty(IndexOf(authority).Certificates);
    }

    [Fact]
    public void A_PKCS12_file_is_never_written_without_a_password()
    {
        using var authority = TestAuthority.Create();
        var path = Path.Combine(authority.Output, "x.p12");

        Assert.Throws<PkiException>(() => Pkcs12File.Write(path, [authority.Ca.Certificate], new ChosenPassword(string.Empty, Generated: false), overwrite: true, KeyFileProtection.Strong));

        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("../escape")]
    [InlineData("-starts-with-dash")]
    [InlineData(".hidden")]
    [InlineData("ca")]
    [InlineData("semi;colon")]
    [InlineData("a-very-long-id-that-goes-on-and-on-past-the-sixty-four-characters-limit")]
    public void An_invalid_id_is_refused_with_a_clear_error(string id)
    {
        using var authority = TestAuthority.Create();

        var error = Assert.Throws<PkiException>(() => authority.Issue(id));

        Assert.Matches("not a valid id|reserved", error.Message);
        Assert.Empty(Directory.GetFiles(authority.Output));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("St.Olavs_Hospital-2")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public void Ids_of_letters_digits_dots_dashes_and_underscores_up_to_64_characters_are_valid(string id)
    {
        Assert.True(PeerIds.IsValid(id));
    }

    [Fact]
    public void An_id_with_a_valid_certificate_is_not_issued_again_unless_forced()
    {
        using var authority = TestAuthority.Create();
        var first = authority.Issue("site-a");
        var p12 = File.ReadAllBytes(first.Pkcs12Path);

        var error = Assert.Throws<PkiException>(() => authority.Issue("site-a"));
        Assert.Contains("already has a valid certificate", error.Message, StringComparison.Ordinal);
        Assert.Equal(p12, File.ReadAllBytes(first.Pkcs12Path));

        var second = authority.Issue("site-a", adjust: r => r with { Force = true });
        Assert.NotEqual(first.Entry.Serial, second.Entry.Serial);
        Assert.Equal([first.Entry], second.StillValid);
        Assert.Equal(2, IndexOf(authority).For("site-a").Count());
    }

    [Fact]
    public void A_revoked_id_may_be_issued_again()
    {
        using var authority = TestAuthority.Create();
        authority.Issue("site-a");
        authority.Ca.Revoke("site-a");

        var again = authority.Issue("site-a");

        Assert.Empty(again.StillValid);
    }

    [Fact]
    public void Every_issued_certificate_is_recorded_in_the_index()
    {
        using var authority = TestAuthority.Create();

        var issued = authority.Issue("site-a");

        var entry = Assert.Single(IndexOf(authority).Certificates);
        using var certificate = TestAuthority.Presented(issued);
        Assert.Equal(("site-a", "site", certificate.SerialNumber, (DateTimeOffset?)null), (entry.Id, entry.Role, entry.Serial, entry.RevokedAt));
        Assert.Equal(certificate.NotAfter.ToUniversalTime(), entry.NotAfter.UtcDateTime);
    }

    [Fact]
    public void An_explicit_validity_window_is_used_as_given_and_may_lie_in_the_past()
    {
        using var authority = TestAuthority.Create();
        var now = DateTimeOffset.UtcNow;

        var issued = authority.Issue("old", adjust: r => r with { NotBefore = now.AddMinutes(-30), NotAfter = now.AddMinutes(-10) });

        using var certificate = TestAuthority.Presented(issued);
        Assert.True(certificate.NotAfter.ToUniversalTime() < now.UtcDateTime);
        Assert.DoesNotContain(IndexOf(authority).For("old"), e => e.IsValidAt(now));
    }

    [Fact]
    public void A_window_outside_the_CA_or_half_given_is_refused()
    {
        using var authority = TestAuthority.Create();
        var now = DateTimeOffset.UtcNow;

        Assert.Contains("outside the CA", Assert.Throws<PkiException>(() => authority.Issue("a", adjust: r => r with { Days = 20_000 })).Message, StringComparison.Ordinal);
        Assert.Contains("outside the CA", Assert.Throws<PkiException>(() => authority.Issue("a", adjust: r => r with { NotBefore = now.AddDays(-2), NotAfter = now })).Message, StringComparison.Ordinal);
        Assert.Contains("both", Assert.Throws<PkiException>(() => authority.Issue("a", adjust: r => r with { NotAfter = now.AddDays(1) })).Message, StringComparison.Ordinal);
        Assert.Throws<PkiException>(() => authority.Issue("a", adjust: r => r with { Days = 0 }));
    }

    [Fact]
    public void Serial_numbers_are_16_random_positive_bytes()
    {
        var serials = Enumerable.Range(0, 100).Select(_ => SerialNumbers.New()).ToList();

        Assert.All(serials, s => Assert.Equal(0x40, s[0] & 0xC0));
        Assert.Equal(100, serials.Select(Convert.ToHexString).Distinct().Count());
    }

    private static CertificateIndex IndexOf(TestAuthority authority) => CertificateAuthority.ReadIndex(authority.Directory.Path);
}
