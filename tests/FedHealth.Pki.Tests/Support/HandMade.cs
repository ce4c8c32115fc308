using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Pki.Issuance;

namespace FedHealth.Pki.Tests.Support;

/// <summary>Certificates the consortium CA would never issue, signed with its key, to see the trust refuse them.</summary>
internal static class HandMade
{
    public static X509Certificate2 SignedBy(X509Certificate2 issuer, Action<CertificateRequest> configure, string subject = "CN=odd, O=Test Consortium")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        configure(request);
        var now = DateTimeOffset.UtcNow;
        return request.Create(issuer, now.AddMinutes(-5), now.AddDays(30), SerialNumbers.New());
    }

    public static void MutualTls(CertificateRequest request) =>
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(CertificateIssuer.ServerAuth), new Oid(CertificateIssuer.ClientAuth)], false));

    public static void Identity(CertificateRequest request, string uri)
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddUri(new Uri(uri));
        request.CertificateExtensions.Add(names.Build());
    }
}
