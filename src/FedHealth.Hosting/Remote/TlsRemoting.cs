using System.Security.Cryptography.X509Certificates;
using Akka.Hosting;
using Akka.Remote.Hosting;
using FedHealth.Pki.Trust;

namespace FedHealth.Hosting.Remote;

/// <summary>
/// Akka.Remote over TLS with mutual authentication and nothing else: there is no plaintext
/// transport, both sides present a consortium certificate, and every peer certificate goes through
/// <see cref="PeerCertificateValidator"/> (consortium CA, validity, revocation list re-read when it
/// changes, enrolled identities) instead of the machine's trust store or host names.
/// </summary>
public static class TlsRemoting
{
    /// <summary>Largest message on the connection: protocol messages with small and medium models (large ones use the bulk transfer channel).</summary>
    public const int MaximumFrameSize = 32 * 1024 * 1024;

    public const string SystemName = "fedhealth";

    public static AkkaConfigurationBuilder WithFedHealthTlsRemoting(
        this AkkaConfigurationBuilder builder, RemoteEndpoint endpoint, X509Certificate2 certificate, PeerCertificateValidator validator)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(validator);
        return builder.WithRemoting(new RemoteOptions
        {
            HostName = endpoint.Host,
            Port = endpoint.Port,
            PublicHostName = endpoint.PublicHost ?? endpoint.Host,
            MaxFrameSize = MaximumFrameSize,
            SendBufferSize = 2L * MaximumFrameSize,
            ReceiveBufferSize = 2L * MaximumFrameSize,
            EnableSsl = true,
            Ssl = new SslOptions
            {
                X509Certificate = certificate,
                SuppressValidation = false,
                RequireMutualAuthentication = true,
                ValidateCertificateHostname = false,
                CustomValidator = (peer, chain, _, errors, _) => validator.Validate(null, peer, chain, errors),
            },
        });
    }

    /// <summary>The address of an actor system that listens with TLS at <paramref name="host"/>:<paramref name="port"/>.</summary>
    public static string Address(string host, int port) => $"akka.ssl.tcp://{SystemName}@{host}:{port}";
}
