using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Core.Enrolment;
using FedHealth.Core.Ids;

namespace FedHealth.Hosting.Enrolment;

/// <summary>Makes a site's enrolment: its signing key, signed with its consortium certificate's private key.</summary>
public static class CertificateEnrolment
{
    public static SiteEnrolment Create(SiteId site, ReadOnlySpan<byte> signingKey, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var key = certificate.GetECDsaPrivateKey()
            ?? throw new InvalidOperationException("The site certificate has no ECDSA private key to sign its enrolment with.");
        var proof = key.SignData(EnrolmentProof.Payload(site, signingKey), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new SiteEnrolment(site, signingKey.ToArray(), certificate.Export(X509ContentType.Cert), proof);
    }

    /// <summary>Answers the registry's challenge: signs its nonce (with the site's id and signing key) with the certificate's private key.</summary>
    public static byte[] SignChallenge(SiteEnrolment enrolment, ReadOnlySpan<byte> nonce, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(certificate);
        using var key = certificate.GetECDsaPrivateKey()
            ?? throw new InvalidOperationException("The site certificate has no ECDSA private key to answer the registration challenge with.");
        return key.SignData(RegistrationProofPayload.Of(enrolment.Site, enrolment.SigningKey, nonce), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }
}
