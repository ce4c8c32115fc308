using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Pki.Authority;
using FedHealth.Pki.Passwords;
using FedHealth.Pki.Revocation;
using FedHealth.Pki.Storage;
using FedHealth.Pki.Tests.Support;

namespace FedHealth.Pki.Tests.Authority;

public sealed class InitCaSpecs
{
    [Fact]
    public void A_new_CA_is_a_self_signed_P256_root_that_signs_only_end_entities_and_CRLs_for_ten_years()
    {
        var directory = new CaDirectory(TempFolder.Create());

        CertificateAuthority.Initialize(new InitCaRequest(directory.Path, "Heart Consortium"));

        using var root = X509CertificateLoader.LoadCertificateFromFile(directory.Certificate);
        Assert.Equal(root.SubjectName.RawData, root.IssuerName.RawData);
        Assert.Contains("O=Heart Consortium", root.Subject, StringComparison.Ordinal);
        using var key = root.GetECDsaPublicKey();
        Assert.Equal(256, key!.KeySize);
        var constraints = root.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        Assert.True(constraints.CertificateAuthority && constraints.HasPathLengthConstraint && constraints.Critical);
        Assert.Equal(0, constraints.PathLengthConstraint);
        Assert.Equal(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, root.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
        Assert.InRange((root.NotAfter - DateTime.Now).TotalDays, 3649, 3650.1);
        Assert.False(root.HasPrivateKey);
    }

    [Fact]
    public void A_new_CA_publishes_an_empty_CRL_number_1_and_an_empty_index()
    {
        var directory = new CaDirectory(TempFolder.Create());

        CertificateAuthority.Initialize(new InitCaRequest(directory.Path, "Heart Consortium"));

        using var root = X509CertificateLoader.LoadCertificateFromFile(directory.Certificate);
        var crl = SignedCrl.Parse(File.ReadAllText(directory.Crl), root);
        Assert.Equal(1, crl.Number);
        Assert.Equal(0, crl.RevokedCount);
        Assert.Equal(crl.ThisUpdate.AddDays(7), crl.NextUpdate);
        var index = CertificateAuthority.ReadIndex(directory.Path);
        Assert.Equal("Heart Consortium", index.Consortium);
        Assert.Equal(1, index.CrlNumber);
        Assert.Empty(index.Certificates);
    }

    [Fact]
    public void Without_a_password_source_a_strong_password_is_generated_into_an_owner_only_file()
    {
        var directory = new CaDirectory(TempFolder.Create());

        var created = CertificateAuthority.Initialize(new InitCaRequest(directory.Path, "C"));

        Assert.Equal(directory.PasswordFile, created.GeneratedPasswordFile);
        var password = File.ReadAllText(directory.PasswordFile).Trim();
        Assert.Equal(43, password.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", password);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(directory.PasswordFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(directory.Pkcs12));
        }

        using var ca = X509CertificateLoader.LoadPkcs12FromFile(directory.Pkcs12, password);
        Assert.True(ca.HasPrivateKey);
    }

    [Fact]
    public void A_password_file_protects_the_CA_key_and_nothing_is_written_beside_it()
    {
        var directory = new CaDirectory(TempFolder.Create());
        var passwordFile = TempFolder.WriteFile("correct horse battery staple\n");

        var created = CertificateAuthority.Initialize(new InitCaRequest(directory.Path, "C") { Password = PasswordSource.FromFile(passwordFile) });

        Assert.Null(created.GeneratedPasswordFile);
        Assert.False(File.Exists(directory.PasswordFile));
        using var ca = CertificateAuthority.Open(directory.Path, PasswordSource.FromFile(passwordFile));
        Assert.Equal(created.Serial, ca.Certificate.SerialNumber);
        Assert.ThrowsAny<CryptographicException>(() => X509CertificateLoader.LoadPkcs12FromFile(directory.Pkcs12, "correct horse battery staple!"));
    }

    [Fact]
    public void A_password_from_the_environment_protects_the_CA_key()
    {
        var directory = new CaDirectory(TempFolder.Create());
        var variable = "FEDHEALTH_TEST_CA_PASSWORD_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "a long enough environment password");

        CertificateAuthority.Initialize(new InitCaRequest(directory.Path, "C") { Password = PasswordSource.FromEnvironment(variable) });

        Assert.False(File.Exists(directory.PasswordFile));
        using var ca = CertificateAuthority.Open(directory.Path, PasswordSource.FromEnvironment(variable));
        Assert.True(ca.Certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
    }

    [Fact]
    public void A_wrong_CA_password_is_a_clear_error()
    {
        var directory = new CaDirectory(TempFolder.Create());
        CertificateAuthority.Initialize(new InitCaRequest(directory.Path, "C"));

        var error = Assert.Throws<PkiException>(() => CertificateAuthority.Open(directory.Path, PasswordSource.FromFile(TempFolder.WriteFile("not the password at all"))));

        Assert.Equal("The password for ca.p12 is wrong.", error.Message);
    }

    [Fact]
    public void Init_ca_refuses_a_folder_that_already_holds_a_CA_and_leaves_its_files_untouched()
    {
        var directory = new CaDirectory(TempFolder.Create());
        CertificateAuthority.Initialize(new InitCaRequest(directory.Path, "C"));
        var before = Snapshot(directory.Path);

        var error = Assert.Throws<PkiException>(() => CertificateAuthority.Initialize(new InitCaRequest(directory.Path, "C")));

        Assert.Contains("already holds a consortium CA", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(directory.Path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("line\nbreak")]
    [InlineData("a name that is much longer than the sixty-four characters an X.500 O allows")]
    public void A_bad_consortium_name_is_refused_before_anything_is_written(string name)
    {
        var directory = TempFolder.Create();

        Assert.Throws<PkiException>(() => CertificateAuthority.Initialize(new InitCaRequest(directory, name)));

        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public void Opening_a_folder_without_a_CA_says_so()
    {
        var error = Assert.Throws<PkiException>(() => CertificateAuthority.Open(TempFolder.Create()));

        Assert.Contains("holds no consortium CA", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
