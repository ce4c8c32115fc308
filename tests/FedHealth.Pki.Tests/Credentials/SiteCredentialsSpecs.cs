using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Pki.Credentials;
using FedHealth.Pki.Passwords;
using FedHealth.Pki.Tests.Support;

namespace FedHealth.Pki.Tests.Credentials;

public sealed class SiteCredentialsSpecs
{
    [Fact]
    public void Credentials_load_with_their_private_key()
    {
        using var authority = TestAuthority.Create();
        var issued = authority.Issue("site-a");

        using var certificate = SiteCredentials.Load(issued.Pkcs12Path, PasswordSource.FromFile(issued.GeneratedPasswordFile!));

        Assert.True(certificate.HasPrivateKey);
        Assert.Equal(issued.Entry.Serial, certificate.SerialNumber);
        using var key = certificate.GetECDsaPrivateKey();
        Assert.NotNull(key);
    }

    [Fact]
    public void A_missing_file_a_wrong_password_a_missing_key_and_an_expired_certificate_each_get_a_clear_error()
    {
        using var authority = TestAuthority.Create();
        var issued = authority.Issue("site-a");
        var now = DateTimeOffset.UtcNow;
        var expired = authority.Issue("old", adjust: r => r with { NotBefore = now.AddMinutes(-30), NotAfter = now.AddMinutes(-10) });
        var keyless = Path.Combine(authority.Output, "keyless.p12");
        File.WriteAllBytes(keyless, authority.Ca.Certificate.ExportPkcs12(new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000), "password-123"));
        var right = PasswordSource.FromFile(issued.GeneratedPasswordFile!);

        Assert.Contains("does not exist", Error(Path.Combine(authority.Output, "none.p12"), right), StringComparison.Ordinal);
        Assert.Equal("The password for site-a.p12 is wrong.", Error(issued.Pkcs12Path, PasswordSource.FromFile(TempFolder.WriteFile("wrong password"))));
        Assert.Equal("keyless.p12 holds no private key.", Error(keyless, PasswordSource.FromFile(TempFolder.WriteFile("password-123"))));
        Assert.Contains("expired", Error(expired.Pkcs12Path, PasswordSource.FromFile(expired.GeneratedPasswordFile!)), StringComparison.Ordinal);
        Assert.Contains("cannot be read", Error(issued.CertificatePath, right), StringComparison.Ordinal);
    }

    private static string Error(string path, PasswordSource password) =>
        Assert.Throws<PkiException>(() => SiteCredentials.Load(path, password)).Message;
}
