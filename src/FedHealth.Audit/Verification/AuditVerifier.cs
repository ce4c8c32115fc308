using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Audit.Chain;
using FedHealth.Audit.Entries;
using FedHealth.Audit.Signing;
using FedHealth.Crypto.Signatures;

namespace FedHealth.Audit.Verification;

/// <summary>
/// Checks a trail from its entries alone: sequence numbers 1, 2, 3 … with no gap (a deleted,
/// reordered or inserted entry breaks them or the chain), each entry's previous hash equal to the
/// hash of the entry before, each hash recomputed from the fields (an edit changes it), and each
/// signature valid under the audit key of the latest <c>service.started</c> entry, whose key is
/// bound to the service's certificate (checked against the consortium CA when one is given).
/// </summary>
public static class AuditVerifier
{
    public const string SelfDeclared = "none (self-declared key)";

    public static AuditVerdict Verify(IReadOnlyList<AuditEntry> entries, X509Certificate2? authority = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var certificates = new List<string>();
        var service = entries.Count > 0 ? entries[0].Service : null;
        byte[]? key = null;
        var previous = EntryDigest.Genesis;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var refusal = Check(entry, i + 1, service!, previous, ref key, authority, certificates);
            if (refusal is not null)
            {
                return new AuditVerdict(service, entries.Count, i + 1, $"entry {i + 1} (sequence {entry.Sequence}, {entry.Kind}): {refusal}", certificates);
            }

            previous = entry.Hash;
        }

        return new AuditVerdict(service, entries.Count, null, null, certificates);
    }

    private static string? Check(
        AuditEntry entry, long expected, string service, string previous, ref byte[]? key, X509Certificate2? authority, List<string> certificates)
    {
        if (entry.Sequence != expected)
        {
            return $"its sequence is {entry.Sequence} where {expected} was expected: an entry was deleted, inserted or moved";
        }

        if (!string.Equals(entry.Service, service, StringComparison.Ordinal))
        {
            return $"it belongs to service '{entry.Service}', not '{service}': entries of another trail were mixed in";
        }

        if (!string.Equals(entry.Previous, previous, StringComparison.Ordinal))
        {
            return "it does not chain to the entry before it (its previous hash differs): an entry was deleted, inserted or moved";
        }

        if (!string.Equals(EntryDigest.Of(entry), entry.Hash, StringComparison.Ordinal))
        {
            return "its hash does not match its contents: the entry was edited";
        }

        if (entry.Kind == AuditKinds.ServiceStarted)
        {
            if (KeyOf(entry, service, authority, out var declared, out var subject) is { } keyRefusal)
            {
                return keyRefusal;
            }

            key = declared;
            certificates.Add(subject);
        }

        if (key is null)
        {
            return "the trail does not start with a service.started entry that declares its audit key";
        }

        return Ed25519Verifier.Verify(key, Convert.FromHexString(entry.Hash), Hex(entry.Signature))
            ? null
            : "its signature is not the service's audit key's: the entry was forged or re-signed";
    }

    private static string? KeyOf(AuditEntry entry, string service, X509Certificate2? authority, out byte[]? key, out string subject)
    {
        subject = SelfDeclared;
        key = entry.Data.TryGetValue("audit_public_key", out var hex) ? Hex(hex) : [];
        if (key.Length != Ed25519SigningKey.PublicKeySize)
        {
            return "it declares no valid Ed25519 audit public key";
        }

        if (!entry.Data.TryGetValue("certificate", out var encoded))
        {
            return authority is null ? null : "its audit key is bound to no certificate, so it cannot be checked against the CA";
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(encoded));
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return $"its certificate cannot be read: {ex.Message}";
        }

        using (certificate)
        {
            subject = certificate.Subject;
            var signature = entry.Data.TryGetValue("certificate_signature", out var s) ? Hex(s) : [];
            if (AuditKeyBinding.Refusal(certificate, service, key, signature) is { } refusal)
            {
                return refusal;
            }

            return authority is null || IssuedBy(certificate, authority) ? null : $"its certificate ({certificate.Subject}) is not issued by the given CA ({authority.Subject})";
        }
    }

    private static bool IssuedBy(X509Certificate2 certificate, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        // A trail outlives its certificates: what matters is who issued the key's binding, not whether it is still valid today.
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        return chain.Build(certificate);
    }

    private static byte[] Hex(string text)
    {
        try
        {
            return Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
