using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace FedHealth.Transfer.Tls;

/// <summary>The TLS settings both ends share: 1.3 or 1.2 only, and a certificate on each side, always.</summary>
internal static class TlsProtocols
{
    public const SslProtocols Enabled = SslProtocols.Tls13 | SslProtocols.Tls12;

    /// <summary>
    /// Wraps the caller's validator so that a missing peer certificate is refused whatever the
    /// validator says, and a validator that throws refuses too.
    /// </summary>
    public static RemoteCertificateValidationCallback Validate(Func<X509Certificate2?, X509Chain?, SslPolicyErrors, bool> validator) =>
        (_, certificate, chain, errors) =>
        {
            if (certificate is null)
            {
                return false;
            }

            try
            {
                return validator(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()), chain, errors);
            }
#pragma warning disable CA1031 // A validator that fails refuses the peer; the handshake reports it.
            catch (Exception)
#pragma warning restore CA1031
            {
                return false;
            }
        };
}
