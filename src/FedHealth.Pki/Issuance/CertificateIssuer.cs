using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Pki.Identity;

namespace FedHealth.Pki.Issuance;

/// <summary>
/// Makes an end-entity certificate for mutual TLS: a fresh ECDSA P-256 key, subject
/// <c>CN=&lt;id&gt;, O=&lt;consortium&gt;</c>, the identity URI plus DNS names and IP addresses as
/// subject alternative names, usable as both TLS server and client, signed by the CA.
/// </summary>
internal static class CertificateIssuer
{
    public const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    public const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    /// <summary>The new certificate with its private key.</summary>
    public static X509Certificate2 Issue(
        X509Certificate2 authority,
        string consortium,
        PeerIdentity identity,
        IEnumerable<string> dnsNames,
        IEnumerable<IPAddress> ipAddresses,
        ValidityWindow window)
    {
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentNullException.ThrowIfNull(identity);
        if (!authority.HasPrivateKey)
        {
            throw new PkiException("Issuing needs the CA's private key.");
        }

        var caWindow = new ValidityWindow(authority.NotBefore, authority.NotAfter);
        if (!caWindow.Contains(window))
        {
            throw new PkiException(
                $"The certificate would be valid from {window.NotBefore:u} to {window.NotAfter:u}, outside the CA's own validity ({caWindow.NotBefore:u} to {caWindow.NotAfter:u}).");
        }

        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(identity.Id);
        subject.AddOrganizationName(consortium);

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuth), new Oid(ClientAuth)], critical: false));
        request.CertificateExtensions.Add(AlternativeNames(identity, dnsNames, ipAddresses));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));

        using var unsigned = request.Create(authority, window.NotBefore, window.NotAfter, SerialNumbers.New());
        return unsigned.CopyWithPrivateKey(key);
    }

    private static X509Extension AlternativeNames(PeerIdentity identity, IEnumerable<string> dnsNames, IEnumerable<IPAddress> ipAddresses)
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddUri(new Uri(identity.Uri));
        foreach (var dns in dnsNames.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (Uri.CheckHostName(dns) != UriHostNameType.Dns)
            {
                throw new PkiException($"'{dns}' is not a DNS name.");
            }

            names.AddDnsName(dns);
        }

        foreach (var ip in ipAddresses.Distinct())
        {
            names.AddIpAddress(ip);
        }

        return names.Build();
    }
}
