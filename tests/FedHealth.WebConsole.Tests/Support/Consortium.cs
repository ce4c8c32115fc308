using System.Security.Cryptography.X509Certificates;
using FedHealth.Pki.Authority;
using FedHealth.Pki.Identity;
using FedHealth.Pki.Issuance;
using FedHealth.Pki.Passwords;
using FedHealth.Pki.Storage;
using FedHealth.Pki.Trust;

namespace FedHealth.WebConsole.Tests.Support;

/// <summary>A throwaway consortium CA that issues the coordinator's, a site's and an operator's certificates.</summary>
internal sealed class Consortium : IDisposable
{
    private readonly CertificateAuthority _ca;
    private readonly string _output = TempFolder.Create();

    private Consortium(CaDirectory directory, CertificateAuthority ca)
    {
        Directory = directory;
        _ca = ca;
    }

    public CaDirectory Directory { get; }

    public static Consortium Create()
    {
        var directory = new CaDirectory(TempFolder.Create());
        CertificateAuthority.Initialize(new InitCaRequest(directory.Path, "Console Spec Consortium") { KeyProtection = KeyFileProtection.Throwaway });
        return new Consortium(directory, CertificateAuthority.Open(directory.Path));
    }

    /// <summary>A certificate with its private key, as its holder loads it.</summary>
    public X509Certificate2 Issue(string id, PeerRole role)
    {
        var issued = _ca.Issue(new IssueRequest(id, role, _output) { KeyProtection = KeyFileProtection.Throwaway });
        return X509CertificateLoader.LoadPkcs12FromFile(issued.Pkcs12Path, PasswordSource.FromFile(issued.GeneratedPasswordFile!).Read());
    }

    public ConsortiumTrust Trust() => ConsortiumTrust.Load(Directory.Certificate, Directory.Crl);

    public void Dispose() => _ca.Dispose();
}
