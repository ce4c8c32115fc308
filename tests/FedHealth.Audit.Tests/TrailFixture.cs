using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Audit.Chain;
using FedHealth.Audit.Entries;

namespace FedHealth.Audit.Tests;

/// <summary>A trail of a few entries in a fresh state directory, written through the real store.</summary>
internal sealed class TrailFixture : IDisposable
{
    public TrailFixture(X509Certificate2? certificate = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "fh-audit-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)));
        using var trail = AuditTrail.Open(Directory, "site-1", certificate);
        trail.Append(AuditKinds.MessageReceived, "study-a", 1, Data(("type", "FitInstruction"), ("bytes", "120")));
        trail.Append(AuditKinds.PrivacyCharged, "study-a", 1, Data(("epsilon", "0.41")));
        trail.Append(AuditKinds.MessageSent, "study-a", 1, Data(("type", "FitReply"), ("bytes", "96")));
        trail.Append(AuditKinds.MessageSent, "study-a", 2, Data(("type", "FitReply"), ("bytes", "96")));
    }

    public string Directory { get; }

    public IReadOnlyList<AuditEntry> Entries() => Storage.SqliteAuditStore.InDirectory(Directory).Entries();

    public static ImmutableSortedDictionary<string, string> Data(params (string Key, string Value)[] values) =>
        values.ToImmutableSortedDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    /// <summary>A self-signed authority and a site certificate it issued (ECDSA P-256, like the consortium's).</summary>
    public static (X509Certificate2 Authority, X509Certificate2 Site) Certificates(string site = "site-1")
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        var authority = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        using var siteKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var siteRequest = new CertificateRequest($"CN={site}", siteKey, HashAlgorithmName.SHA256);
        using var issued = siteRequest.Create(authority, now.AddHours(-1), now.AddDays(10), RandomNumberGenerator.GetBytes(8));
        return (authority, issued.CopyWithPrivateKey(siteKey));
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
