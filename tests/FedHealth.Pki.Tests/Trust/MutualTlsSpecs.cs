using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Pki.Credentials;
using FedHealth.Pki.Identity;
using FedHealth.Pki.Passwords;
using FedHealth.Pki.Tests.Support;
using FedHealth.Pki.Trust;

namespace FedHealth.Pki.Tests.Trust;

/// <summary>The validator inside a real SslStream handshake over loopback TCP, as a coordinator would run it.</summary>
public sealed class MutualTlsSpecs
{
    [Fact]
    public async Task A_site_and_the_coordinator_authenticate_each_other_and_learn_each_other_s_identity()
    {
        using var authority = TestAuthority.Create();
        using var coordinator = Credentials(authority.Issue("hub", PeerRole.Coordinator));
        using var site = Credentials(authority.Issue("site-a"));
        using var trust = authority.Trust();
        var server = new PeerCertificateValidator(trust);
        var client = new PeerCertificateValidator(trust);

        var (serverStream, clientStream) = await Handshake(coordinator, server, site, client);

        Assert.Equal(new PeerVerdict.Accepted("site-a", PeerRole.Site), server.VerdictFor(serverStream!));
        Assert.Equal(new PeerVerdict.Accepted("hub", PeerRole.Coordinator), client.VerdictFor(clientStream!));
        Assert.True(serverStream!.IsMutuallyAuthenticated);
    }

    [Fact]
    public async Task A_site_of_another_consortium_is_refused_during_the_handshake_and_counted()
    {
        using var authority = TestAuthority.Create();
        using var other = TestAuthority.Create();
        using var coordinator = Credentials(authority.Issue("hub", PeerRole.Coordinator));
        using var intruder = Credentials(other.Issue("site-a"));
        using var trust = authority.Trust();
        using var otherTrust = other.Trust();
        var server = new PeerCertificateValidator(trust);

        await Assert.ThrowsAnyAsync<Exception>(() => Handshake(coordinator, server, intruder, new PeerCertificateValidator(otherTrust)));

        Assert.Equal(1, server.Rejections(RejectionReason.WrongCa));
        Assert.Equal(0, server.Accepted);
    }

    private static X509Certificate2 Credentials(FedHealth.Pki.Issuance.IssuedCredentials issued) =>
        SiteCredentials.Load(issued.Pkcs12Path, PasswordSource.FromFile(issued.GeneratedPasswordFile!));

    private static async Task<(SslStream? Server, SslStream? Client)> Handshake(
        X509Certificate2 serverCertificate, PeerCertificateValidator serverValidator, X509Certificate2 clientCertificate, PeerCertificateValidator clientValidator)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var serverSide = Task.Run(async () =>
        {
            var socket = await listener.AcceptTcpClientAsync(timeout.Token);
            var stream = new SslStream(socket.GetStream(), leaveInnerStreamOpen: false);
            await stream.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificateContext = SslStreamCertificateContext.Create(serverCertificate, additionalCertificates: null, offline: true),
                ClientCertificateRequired = true,
                RemoteCertificateValidationCallback = serverValidator.Callback,
                EnabledSslProtocols = SslProtocols.Tls13,
            }, timeout.Token);
            return stream;
        });

        var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
        var client = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        var clientSide = client.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ClientCertificateContext = SslStreamCertificateContext.Create(clientCertificate, additionalCertificates: null, offline: true),
            RemoteCertificateValidationCallback = clientValidator.Callback,
            EnabledSslProtocols = SslProtocols.Tls13,
        }, timeout.Token);

        var server = await serverSide;
        await clientSide;
        await client.WriteAsync("ping"u8.ToArray(), timeout.Token);
        var buffer = new byte[4];
        await server.ReadExactlyAsync(buffer, timeout.Token);
        Assert.Equal("ping"u8.ToArray(), buffer);
        return (server, client);
    }
}
