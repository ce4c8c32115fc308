using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using FedHealth.Transfer.Framing;
using FedHealth.Transfer.Offers;
using FedHealth.Transfer.Tests.Support;

namespace FedHealth.Transfer.Tests.Channel;

/// <summary>A peer that does not follow the rules, talking to the server with a raw TLS stream.</summary>
public sealed class AuthenticationSpecs(Loopback loopback) : IClassFixture<Loopback>
{
    [Fact]
    public async Task A_client_without_a_certificate_gets_no_answer_and_is_counted()
    {
        await using var server = loopback.StartServer();
        var offer = server.Publish(Blobs.Random(100), TimeSpan.FromMinutes(5));

        var answer = await RequestWithoutCertificateAsync(server.EndPoint, offer);

        Assert.Null(answer);
        await Eventually.EqualAsync(1, () => server.Counters.RejectedHandshakes);
        Assert.Equal(0, server.Counters.CompletedFetches);
    }

    [Fact]
    public async Task A_peer_that_does_not_speak_TLS_is_dropped_and_counted()
    {
        await using var server = loopback.StartServer();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.EndPoint);
        await tcp.GetStream().WriteAsync("GET / HTTP/1.1\r\n\r\n"u8.ToArray());

        await UntilClosedAsync(tcp.GetStream());

        await Eventually.EqualAsync(1, () => server.Counters.RejectedHandshakes);
        Assert.Equal(0, server.Counters.RefusedRequests);
    }

    /// <summary>Reads whatever the server still sends (a TLS alert, perhaps) until it closes the connection.</summary>
    private static async Task UntilClosedAsync(Stream stream)
    {
        var buffer = new byte[1024];
        try
        {
            while (await stream.ReadAsync(buffer) > 0)
            {
            }
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The server's status byte, or null when the connection closed without one.</summary>
    private static async Task<BlobStatus?> RequestWithoutCertificateAsync(System.Net.IPEndPoint endPoint, BlobOffer offer)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(endPoint);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "coordinator",
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
            });
            var request = new byte[BlobRequest.Size];
            new BlobRequest(BlobOperation.Get, offer.Ticket, offer.Length).Write(request);
            await tls.WriteAsync(request);
            var answer = new byte[StatusFrame.Size];
            await tls.ReadExactlyAsync(answer);
            return StatusFrame.Read(answer);
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException)
        {
            return null;
        }
    }
}
