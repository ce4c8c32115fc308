using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Pki.Issuance;

namespace FedHealth.Pki.Authority;

/// <summary>
/// The consortium's self-signed root: ECDSA P-256, a CA that may sign only end-entity certificates
/// (path length 0) and CRLs.
/// </summary>
internal static class RootCertificate
{
    public const int MaxNameLength = 64;

    /// <summary>How far the root is back-dated: certificates it issues are back-dated by less, so they fit inside it.</summary>
    public static readonly TimeSpan BackDating = TimeSpan.FromHours(1);

    public static X509Certificate2 Create(string consortiumName, DateTimeOffset now, int days)
    {
        var name = ValidateName(consortiumName);
        if (days < 1)
        {
            throw new PkiException($"The CA must be valid for at least one day, not {days}.");
        }

        var window = new ValidityWindow(now - BackDating, now.AddDays(days));
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName("FedHealth consortium root CA");
        subject.AddOrganizationName(name);

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));

        using var unsigned = request.Create(subject.Build(), X509SignatureGenerator.CreateForECDsa(key), window.NotBefore, window.NotAfter, SerialNumbers.New());
        return unsigned.CopyWithPrivateKey(key);
    }

    public static string ValidateName(string? consortiumName)
    {
        var name = consortiumName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            throw new PkiException($"The consortium name must have 1–{MaxNameLength} printable characters.");
        }

        return name;
    }
}
