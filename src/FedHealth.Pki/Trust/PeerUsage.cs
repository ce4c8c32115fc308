using System.Security.Cryptography.X509Certificates;
using FedHealth.Pki.Issuance;

namespace FedHealth.Pki.Trust;

/// <summary>
/// Whether a certificate is meant for a consortium peer. Every member both accepts and opens
/// connections (Akka.Remote associations go both ways), so both TLS usages are required.
/// </summary>
internal static class PeerUsage
{
    /// <summary>Null when the certificate is fit for mutual TLS; otherwise what is wrong, as the end of a sentence.</summary>
    public static string? Problem(X509Certificate2 certificate)
    {
        if (certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is { CertificateAuthority: true })
        {
            return "is a CA certificate, not a peer's";
        }

        if (certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is { } keyUsage
            && !keyUsage.KeyUsages.HasFlag(X509KeyUsageFlags.DigitalSignature))
        {
            return "may not be used for digital signatures";
        }

        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault()?.EnhancedKeyUsages
            .Cast<System.Security.Cryptography.Oid>().Select(o => o.Value).ToHashSet(StringComparer.Ordinal) ?? [];
        var missing = new[] { (CertificateIssuer.ServerAuth, "TLS server"), (CertificateIssuer.ClientAuth, "TLS client") }
            .Where(u => !usages.Contains(u.Item1)).Select(u => u.Item2).ToList();
        return missing.Count == 0 ? null : $"lacks the {string.Join(" and ", missing)} authentication usage";
    }
}
