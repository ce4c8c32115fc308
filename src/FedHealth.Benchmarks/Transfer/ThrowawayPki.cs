using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FedHealth.Benchmarks.Transfer;

/// <summary>
/// TEST AND BENCHMARK ONLY. A self-signed CA that lives in memory for one process and issues ECDSA
/// P-256 leaf certificates, so the blob channel and Akka.Remote can run mutual TLS on loopback.
/// Real sites get their certificates from the consortium CA (FedHealth.Pki, <c>fedhealth certs</c>).
/// The transfer tests compile this same file.
/// </summary>
internal sealed class ThrowawayPki : IDisposable
{
    private readonly ECDsa _authorityKey;
    private readonly List<X509Certificate2> _issued = [];

    private ThrowawayPki(string name)
    {
        _authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", _authorityKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var now = DateTimeOffset.UtcNow;
        Authority = request.CreateSelfSigned(now.AddHours(-1), now.AddDays(2));
    }

    /// <summary>The CA certificate, with its private key.</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>Accepts exactly the certificates this CA issued (chain built against it alone, no revocation).</summary>
    public Func<X509Certificate2?, X509Chain?, SslPolicyErrors, bool> Validator => (certificate, _, _) => Trusts(certificate);

    public static ThrowawayPki Create(string name = "FedHealth throwaway test CA") => new(name);

    /// <summary>A leaf certificate for TLS client and server use, valid for localhost and 127.0.0.1, with its private key.</summary>
    public X509Certificate2 Issue(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Authority, true, false));
        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(Authority, now.AddMinutes(-30), now.AddDays(1), RandomNumberGenerator.GetBytes(16));
        var leaf = issued.CopyWithPrivateKey(key);
        _issued.Add(leaf);
        return leaf;
    }

    public bool Trusts(X509Certificate2? certificate)
    {
        if (certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    public void Dispose()
    {
        foreach (var certificate in _issued)
        {
            certificate.Dispose();
        }

        Authority.Dispose();
        _authorityKey.Dispose();
    }
}
