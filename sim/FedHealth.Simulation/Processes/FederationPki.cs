using FedHealth.Pki.Authority;
using FedHealth.Pki.Identity;
using FedHealth.Pki.Issuance;
using FedHealth.Pki.Storage;

namespace FedHealth.Simulation.Processes;

/// <summary>
/// A throwaway consortium PKI for one local federation, made with <c>FedHealth.Pki</c> exactly as
/// <c>fedhealth certs</c> would: a CA, the coordinator (<c>coordinator</c>, DNS <c>localhost</c>,
/// IP 127.0.0.1) and one certificate per site, each key with a generated password in a
/// <c>.pass</c> file readable by its owner only.
/// </summary>
public sealed class FederationPki
{
    public const string CoordinatorId = "coordinator";

    public const string ConsortiumName = "FedHealth Local Federation";

    /// <summary>The validity window of an <see cref="SiteCertificate.Expired"/> certificate, relative to now (inside the CA's one-hour back-dating).</summary>
    private static readonly (TimeSpan From, TimeSpan To) ExpiredWindow = (TimeSpan.FromMinutes(-50), TimeSpan.FromMinutes(-10));

    private readonly Dictionary<string, TlsFiles> _sites;

    private FederationPki(string folder, TlsFiles coordinator, Dictionary<string, TlsFiles> sites)
    {
        Folder = folder;
        Coordinator = coordinator;
        _sites = sites;
    }

    public string Folder { get; }

    /// <summary>The consortium CA's folder (<c>ca.p12</c>, <c>ca.crt.pem</c>, <c>ca.crl.pem</c>, <c>index.json</c>).</summary>
    public string CaFolder => Path.Combine(Folder, "ca");

    public TlsFiles Coordinator { get; }

    public IReadOnlyDictionary<string, TlsFiles> Sites => _sites;

    /// <summary>Makes the PKI in <paramref name="folder"/>, which must not hold one yet.</summary>
    public static FederationPki Create(string folder, IEnumerable<FederationSite> sites, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(sites);
        folder = Path.GetFullPath(folder);
        var clock = time ?? TimeProvider.System;
        var caFolder = Path.Combine(folder, "ca");
        CertificateAuthority.Initialize(new InitCaRequest(caFolder, ConsortiumName) { KeyProtection = KeyFileProtection.Throwaway }, clock);
        var caCertificate = Path.Combine(caFolder, CaDirectory.CertificateFile);
        var crl = Path.Combine(caFolder, CaDirectory.CrlFile);
        using var ca = CertificateAuthority.Open(caFolder, time: clock);
        CertificateAuthority? other = null;
        try
        {
            var coordinator = ca.Issue(new IssueRequest(CoordinatorId, PeerRole.Coordinator, Path.Combine(folder, CoordinatorId)) { KeyProtection = KeyFileProtection.Throwaway });
            var issued = new Dictionary<string, TlsFiles>(StringComparer.Ordinal);
            foreach (var site in sites)
            {
                if (string.Equals(site.Id, CoordinatorId, StringComparison.OrdinalIgnoreCase))
                {
                    throw new ArgumentException($"'{CoordinatorId}' is the coordinator's certificate id; give the site another id.", nameof(sites));
                }

                var output = Path.Combine(folder, "sites", site.Id);
                var request = new IssueRequest(site.Id, PeerRole.Site, output) { KeyProtection = KeyFileProtection.Throwaway };
                var now = clock.GetUtcNow();
                var credentials = site.Certificate switch
                {
                    SiteCertificate.Valid or SiteCertificate.Revoked => ca.Issue(request),
                    SiteCertificate.Expired => ca.Issue(request with { NotBefore = now + ExpiredWindow.From, NotAfter = now + ExpiredWindow.To }),
                    SiteCertificate.OtherCa => (other ??= OtherAuthority(folder, clock)).Issue(request),
                    _ => throw new ArgumentOutOfRangeException(nameof(sites), site.Certificate, "Unknown certificate kind."),
                };
                if (site.Certificate == SiteCertificate.Revoked)
                {
                    ca.Revoke(site.Id);
                }

                // Every node trusts the consortium CA, whoever signed its own certificate: a node with
                // a foreign certificate still reaches the coordinator, which must then refuse it.
                issued.Add(site.Id, new TlsFiles(credentials.Pkcs12Path, PasswordFileOf(credentials), caCertificate, crl));
            }

            return new FederationPki(folder, new TlsFiles(coordinator.Pkcs12Path, PasswordFileOf(coordinator), caCertificate, crl), issued);
        }
        finally
        {
            other?.Dispose();
        }
    }

    private static CertificateAuthority OtherAuthority(string folder, TimeProvider clock)
    {
        var path = Path.Combine(folder, "other-ca");
        CertificateAuthority.Initialize(new InitCaRequest(path, "Some Other Consortium") { KeyProtection = KeyFileProtection.Throwaway }, clock);
        return CertificateAuthority.Open(path, time: clock);
    }

    private static string PasswordFileOf(IssuedCredentials credentials) =>
        credentials.GeneratedPasswordFile ?? throw new InvalidOperationException("A generated password was expected.");
}
