using System.Formats.Asn1;
using System.Security.Cryptography;

namespace FedHealth.Pki.Tests.Support;

internal static class Tamper
{
    /// <summary>
    /// The same CRL with the last byte of its signed part (the CRL number) changed: still well formed,
    /// but no longer what the CA signed.
    /// </summary>
    public static string Crl(string pem)
    {
        var der = Convert.FromBase64String(pem[PemEncoding.Find(pem).Base64Data]);
        AsnDecoder.ReadEncodedValue(der, AsnEncodingRules.DER, out var tbsStart, out _, out _);
        AsnDecoder.ReadEncodedValue(der.AsSpan(tbsStart), AsnEncodingRules.DER, out _, out _, out var tbsLength);
        der[tbsStart + tbsLength - 1] ^= 0x7E;
        return PemEncoding.WriteString("X509 CRL", der);
    }
}
