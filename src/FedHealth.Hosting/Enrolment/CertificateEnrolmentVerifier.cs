using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Core.Enrolment;
using FedHealth.Pki.Identity;
using FedHealth.Pki.Trust;

namespace FedHealth.Hosting.Enrolment;

/// <summary>
/// Accepts an enrolment only if its certificate is a valid site certificate of the consortium
/// (CA, validity, revocation, enrolled ids — <see cref="ConsortiumTrust"/>) issued to the very site
/// it names, and the certificate's key signed the site's id and signing key.
/// </summary>
public sealed class CertificateEnrolmentVerifier(ConsortiumTrust trust, TimeProvider? time = null) : IEnrolmentVerifier
{
    private const int SigningKeyLength = 32;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public string? Refusal(SiteEnrolment enrolment)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        return Verify(enrolment, EnrolmentProof.Payload(enrolment.Site, enrolment.SigningKey ?? []), enrolment.Proof, "the enrolment proof");
    }

    public string? ProofRefusal(SiteEnrolment enrolment, byte[] payload, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        return Verify(enrolment, payload, signature, "the registration proof");
    }

    private string? Verify(SiteEnrolment enrolment, byte[] payload, byte[] signature, string what)
    {
        if (enrolment.SigningKey is not { Length: SigningKeyLength })
        {
            return $"the signing key must be {SigningKeyLength} bytes";
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(enrolment.Certificate);
        }
        catch (CryptographicException)
        {
            return "the enrolment's certificate cannot be read";
        }

        using (certificate)
        {
            var verdict = trust.Verify(certificate, null, _time.GetUtcNow());
            if (verdict is PeerVerdict.Rejected rejected)
            {
                return $"certificate {rejected.Reason}: {rejected.Message}";
            }

            var accepted = (PeerVerdict.Accepted)verdict;
            if (accepted.Role != PeerRole.Site || accepted.Id != enrolment.Site.Value)
            {
                return $"the certificate belongs to {accepted}, not to site {enrolment.Site}";
            }

            using var key = certificate.GetECDsaPublicKey();
            if (key is null)
            {
                return "the certificate has no ECDSA key";
            }

            return key.VerifyData(payload, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
                ? null
                : $"{what} does not verify with the certificate's key";
        }
    }
}
