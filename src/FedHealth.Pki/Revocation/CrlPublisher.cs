using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Pki.Storage;

namespace FedHealth.Pki.Revocation;

/// <summary>Signs the certificate revocation list: every revoked certificate of the index, under a new CRL number.</summary>
internal static class CrlPublisher
{
    public const string PemLabel = "X509 CRL";

    /// <summary>How long a CRL stays current; a peer that sees none newer after that refuses connections.</summary>
    public static readonly TimeSpan DefaultValidity = TimeSpan.FromDays(7);

    /// <summary>The PEM text of a CRL numbered <paramref name="crlNumber"/>, valid from <paramref name="now"/> for <paramref name="validity"/>.</summary>
    public static string Build(X509Certificate2 authority, IEnumerable<IndexEntry> revoked, long crlNumber, DateTimeOffset now, TimeSpan validity)
    {
        if (validity <= TimeSpan.Zero)
        {
            throw new PkiException("A CRL must stay current for some time.");
        }

        var builder = new CertificateRevocationListBuilder();
        foreach (var entry in revoked.Where(e => e.RevokedAt is not null))
        {
            builder.AddEntry(Convert.FromHexString(entry.Serial), entry.RevokedAt!.Value);
        }

        var der = builder.Build(authority, new BigInteger(crlNumber), now + validity, HashAlgorithmName.SHA256, thisUpdate: now);
        return PemEncoding.WriteString(PemLabel, der) + "\n";
    }
}
