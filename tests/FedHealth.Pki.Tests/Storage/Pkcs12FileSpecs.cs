using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Pki.Passwords;
using FedHealth.Pki.Storage;
using FedHealth.Pki.Tests.Support;

namespace FedHealth.Pki.Tests.Storage;

public sealed class Pkcs12FileSpecs
{
    [Fact]
    public void The_shipped_protection_is_as_strong_as_any_NET_host_loads_with_its_default_limits()
    {
        using var authority = TestAuthority.Create();
        using var signer = authority.SigningCertificate();

        var bytes = Pkcs12File.Export([signer], "a password of some length", Pkcs12File.DefaultIterations);

        Assert.Equal(300_000, Pkcs12File.DefaultIterations);
        using var loaded = X509CertificateLoader.LoadPkcs12(bytes, "a password of some length", loaderLimits: Pkcs12LoaderLimits.Defaults);
        Assert.True(loaded.HasPrivateKey);
        Assert.Throws<Pkcs12LoadLimitExceededException>(() => X509CertificateLoader.LoadPkcs12(
            Pkcs12File.Export([signer], "a password of some length", Pkcs12File.DefaultIterations + 1), "a password of some length"));
    }

    [Fact]
    public void A_PKCS12_file_cannot_be_opened_without_its_password()
    {
        using var authority = TestAuthority.Create();

        Assert.ThrowsAny<CryptographicException>(() => X509CertificateLoader.LoadPkcs12FromFile(authority.Directory.Pkcs12, null));
        Assert.ThrowsAny<CryptographicException>(() => X509CertificateLoader.LoadPkcs12FromFile(authority.Directory.Pkcs12, string.Empty));
    }

    [Fact]
    public void Files_are_replaced_atomically_and_secrets_never_exist_with_wider_permissions()
    {
        var path = Path.Combine(TempFolder.Create(), "x.pass");

        AtomicFile.WriteSecret(path, "one", overwrite: false);
        AtomicFile.WriteSecret(path, "two", overwrite: true);

        Assert.Equal("two", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        Assert.Throws<PkiException>(() => AtomicFile.WriteSecret(path, "three", overwrite: false));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void A_throwaway_key_file_takes_few_iterations_and_a_real_one_keeps_the_strong_count()
    {
        using var authority = TestAuthority.Create();
        var fewIterations = new Pkcs12LoaderLimits { IndividualKdfIterationLimit = Pkcs12File.ThrowawayIterations };

        var throwaway = authority.Issue("site-a", adjust: r => r with { KeyProtection = KeyFileProtection.Throwaway });
        var strong = authority.Issue("site-b");

        using var loaded = X509CertificateLoader.LoadPkcs12FromFile(
            throwaway.Pkcs12Path, File.ReadAllText(throwaway.GeneratedPasswordFile!).Trim(), loaderLimits: fewIterations);
        Assert.True(loaded.HasPrivateKey);
        Assert.Throws<Pkcs12LoadLimitExceededException>(() => X509CertificateLoader.LoadPkcs12FromFile(
            strong.Pkcs12Path, File.ReadAllText(strong.GeneratedPasswordFile!).Trim(), loaderLimits: fewIterations));
    }

    [Fact]
    public void A_chosen_password_is_never_written_with_throwaway_protection()
    {
        var chosen = new ChosenPassword("a password of some length", Generated: false);

        var error = Assert.Throws<PkiException>(() => Pkcs12File.IterationsFor(KeyFileProtection.Throwaway, chosen, "site.p12"));

        Assert.Contains("generated password", error.Message);
        Assert.Equal(Pkcs12File.Iterations, Pkcs12File.IterationsFor(KeyFileProtection.Strong, chosen, "site.p12"));
    }
}
