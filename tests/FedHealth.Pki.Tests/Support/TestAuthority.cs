using System.Security.Cryptography.X509Certificates;
using FedHealth.Pki.Authority;
using FedHealth.Pki.Identity;
using FedHealth.Pki.Issuance;
using FedHealth.Pki.Passwords;
using FedHealth.Pki.Storage;
using FedHealth.Pki.Trust;

namespace FedHealth.Pki.Tests.Support;

/// <summary>A fresh consortium CA in a temporary folder, opened with its key, for one test.</summary>
internal sealed class TestAuthority : IDisposable
{
    public const string Consortium = "Test Consortium";

    private TestAuthority(CaDirectory directory, CertificateAuthority authority, string output)
    {
        Directory = directory;
        Ca = authority;
        Output = output;
    }

    public CaDirectory Directory { get; }

    public CertificateAuthority Ca { get; }

    /// <summary>Where issued credentials are written.</summary>
    public string Output { get; }

    public static TestAuthority Create(string consortium = Consortium)
    {
        var directory = new CaDirectory(TempFolder.Create());
        CertificateAuthority.Initialize(new InitCaRequest(directory.Path, consortium));
        return new TestAuthority(directory, CertificateAuthority.Open(directory.Path), TempFolder.Create());
    }

    public IssuedCredentials Issue(string id, PeerRole role = PeerRole.Site, Func<IssueRequest, IssueRequest>? adjust = null)
    {
        var request = new IssueRequest(id, role, Output);
        return Ca.Issue(adjust is null ? request : adjust(request));
    }

    /// <summary>The certificate a peer would present: the public half, as TLS delivers it.</summary>
    public static X509Certificate2 Presented(IssuedCredentials issued) => X509CertificateLoader.LoadCertificateFromFile(issued.CertificatePath);

    public static X509Certificate2 WithKey(IssuedCredentials issued) =>
        X509CertificateLoader.LoadPkcs12FromFile(issued.Pkcs12Path, PasswordSource.FromFile(issued.GeneratedPasswordFile!).Read());

    /// <summary>The CA certificate with its private key, to sign certificates the authority itself would never make.</summary>
    public X509Certificate2 SigningCertificate() =>
        X509CertificateLoader.LoadPkcs12FromFile(Directory.Pkcs12, PasswordSource.FromFile(Directory.PasswordFile).Read());

    public ConsortiumTrust Trust(ConsortiumTrustOptions? options = null) =>
        ConsortiumTrust.Load(Directory.Certificate, Directory.Crl, options ?? new ConsortiumTrustOptions { CrlCheckInterval = TimeSpan.Zero });

    public void Dispose() => Ca.Dispose();
}
