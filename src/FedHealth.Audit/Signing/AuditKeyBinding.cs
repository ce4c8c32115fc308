using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace FedHealth.Audit.Signing;

/// <summary>
/// Binds a service's Ed25519 audit key to its consortium certificate: the certificate's own key
/// (ECDSA P-256, from the enrolment) signs the audit public key with the service's id under a
/// domain label. The binding travels in the trail's <c>service.started</c> entries with the
/// certificate (public part only), so an export verifies on its own.
/// </summary>
public static class AuditKeyBinding
{
    private static readonly byte[] Label = Encoding.ASCII.GetBytes("FedHealth audit key v1\0");

    /// <summary>The certificate's signature over the audit key; the certificate must hold its ECDSA private key.</summary>
    public static byte[] Sign(X509Certificate2 certificate, string service, ReadOnlySpan<byte> auditPublicKey)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var key = certificate.GetECDsaPrivateKey()
            ?? throw new CryptographicException("The service's certificate holds no ECDSA private key to bind its audit key with.");
        return key.SignData(Payload(service, auditPublicKey), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <summary>Null when <paramref name="signature"/> is the certificate's over the audit key; otherwise why not.</summary>
    public static string? Refusal(X509Certificate2 certificate, string service, ReadOnlySpan<byte> auditPublicKey, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var key = certificate.GetECDsaPublicKey();
        if (key is null)
        {
            return "the certificate has no ECDSA public key";
        }

        return key.VerifyData(Payload(service, auditPublicKey), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
            ? null
            : $"the audit key is not signed by the certificate of {certificate.Subject}";
    }

    private static byte[] Payload(string service, ReadOnlySpan<byte> auditPublicKey) =>
        [.. Label, .. Encoding.UTF8.GetBytes(service), 0, .. auditPublicKey];
}
