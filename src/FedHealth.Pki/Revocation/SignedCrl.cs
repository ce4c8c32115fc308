using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Pki.Issuance;

namespace FedHealth.Pki.Revocation;

/// <summary>
/// A CRL whose signature has been verified against the consortium CA. .NET can build CRLs but
/// not verify or query them, so the CertificateList is read with the BCL's <see cref="AsnReader"/>
/// (RFC 5280 §5.1) and the signature checked with the CA's public key.
/// </summary>
public sealed class SignedCrl
{
    private static readonly Dictionary<string, HashAlgorithmName> EcdsaAlgorithms = new(StringComparer.Ordinal)
    {
        ["1.2.840.10045.4.3.2"] = HashAlgorithmName.SHA256,
        ["1.2.840.10045.4.3.3"] = HashAlgorithmName.SHA384,
        ["1.2.840.10045.4.3.4"] = HashAlgorithmName.SHA512,
    };

    private readonly HashSet<string> _revoked;

    private SignedCrl(BigInteger number, DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate, HashSet<string> revoked)
    {
        Number = number;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
        _revoked = revoked;
    }

    public BigInteger Number { get; }

    public DateTimeOffset ThisUpdate { get; }

    public DateTimeOffset? NextUpdate { get; }

    public int RevokedCount => _revoked.Count;

    public bool IsRevoked(X509Certificate2 certificate) => _revoked.Contains(SerialNumbers.Normalise(certificate.SerialNumber));

    /// <summary>True when the CRL's next update has passed: it may no longer list every revocation.</summary>
    public bool IsStaleAt(DateTimeOffset now) => NextUpdate is { } next && now > next;

    /// <summary>Reads a PEM CRL and verifies it was signed by <paramref name="authority"/>; a reason otherwise.</summary>
    public static SignedCrl Parse(string pem, X509Certificate2 authority)
    {
        if (!PemEncoding.TryFind(pem, out var fields) || !pem.AsSpan()[fields.Label].SequenceEqual(CrlPublisher.PemLabel))
        {
            throw new PkiException("it is not a PEM X509 CRL");
        }

        var der = Convert.FromBase64String(pem[fields.Base64Data]);
        try
        {
            return ParseDer(der, authority);
        }
        catch (Exception ex) when (ex is AsnContentException or CryptographicException)
        {
            throw new PkiException($"it is malformed ({ex.Message})", ex);
        }
    }

    private static SignedCrl ParseDer(byte[] der, X509Certificate2 authority)
    {
        var list = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var tbs = list.ReadEncodedValue();
        var algorithm = ReadAlgorithm(list);
        var signature = list.ReadBitString(out _);
        VerifySignature(tbs.Span, algorithm, signature, authority);

        var fields = new AsnReader(tbs, AsnEncodingRules.DER).ReadSequence();
        if (fields.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
        {
            fields.ReadInteger();
        }

        if (ReadAlgorithm(fields) != algorithm)
        {
            throw new PkiException("its inner and outer signature algorithms differ");
        }

        if (!fields.ReadEncodedValue().Span.SequenceEqual(authority.SubjectName.RawData))
        {
            throw new PkiException("it was issued by another authority");
        }

        var thisUpdate = ReadTime(fields);
        DateTimeOffset? nextUpdate = IsTime(fields) ? ReadTime(fields) : null;
        var revoked = new HashSet<string>(StringComparer.Ordinal);
        if (fields.HasData && fields.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            var entries = fields.ReadSequence();
            while (entries.HasData)
            {
                var entry = entries.ReadSequence();
                revoked.Add(SerialNumbers.ToText(entry.ReadIntegerBytes().Span));
            }
        }

        CertificateRevocationListBuilder.Load(der, out var number);
        return new SignedCrl(number, thisUpdate, nextUpdate, revoked);
    }

    private static string ReadAlgorithm(AsnReader reader)
    {
        var algorithm = reader.ReadSequence();
        return algorithm.ReadObjectIdentifier();
    }

    private static void VerifySignature(ReadOnlySpan<byte> tbs, string algorithm, byte[] signature, X509Certificate2 authority)
    {
        if (!EcdsaAlgorithms.TryGetValue(algorithm, out var hash))
        {
            throw new PkiException($"its signature algorithm {algorithm} is not ECDSA");
        }

        using var key = authority.GetECDsaPublicKey() ?? throw new PkiException("the CA has no ECDSA key");
        if (!key.VerifyData(tbs, signature, hash, DSASignatureFormat.Rfc3279DerSequence))
        {
            throw new PkiException("its signature does not verify with the consortium CA's key");
        }
    }

    private static bool IsTime(AsnReader reader) =>
        reader.HasData && (reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) || reader.PeekTag().HasSameClassAndValue(Asn1Tag.GeneralizedTime));

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();
}
