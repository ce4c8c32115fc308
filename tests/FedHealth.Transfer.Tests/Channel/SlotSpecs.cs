using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using FedHealth.Transfer.Framing;
using FedHealth.Transfer.Offers;
using FedHealth.Transfer.Tests.Support;

namespace FedHealth.Transfer.Tests.Channel;

/// <summary>
/// Peers that try to hold the server's slots: sockets that never authenticate, a site that
/// trickles its bytes, a site that opens more transfers than its share.
/// </summary>
public sealed class SlotSpecs(Loopback loopback) : IClassFixture<Loopback>
{
    /// <remarks>
    /// The idle sockets would outlast the client's 10 s connect-and-handshake timeout (the server's
    /// handshake deadline here is 2 minutes), so a server whose handshakes waited for a slot would
    /// fail this fetch.
    /// </remarks>
    [Fact]
    public async Task Forty_idle_unauthenticated_sockets_do_not_keep_a_site_from_fetching()
    {
        await using var server = loopback.StartServer(o => o with { MaxConnections = 2, HandshakeTimeout = TimeSpan.FromMinutes(2) });
        var blob = Blobs.Random(10_000);
        var offer = server.Publish(blob, TimeSpan.FromMinutes(5));
        var idle = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 40; i++)
            {
                var tcp = new TcpClient();
                idle.Add(tcp);
                await tcp.ConnectAsync(server.EndPoint);
            }

            var fetched = await loopback.ClientFor(loopback.Site).FetchAsync(server.EndPoint, offer);

            Assert.Equal(blob, fetched);
        }
        finally
        {
            idle.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task Past_the_handshake_limit_new_sockets_are_closed_at_once_and_counted()
    {
        await using var server = loopback.StartServer(o => o with { MaxPendingHandshakes = 3, HandshakeTimeout = TimeSpan.FromMinutes(2) });
        var idle = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                var tcp = new TcpClient();
                idle.Add(tcp);
                await tcp.ConnectAsync(server.EndPoint);
            }

            await Eventually.EqualAsync(2L, () => server.Counters.BusyRefusals);
        }
        finally
        {
            idle.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task A_site_trickling_its_upload_is_dropped_below_the_minimum_rate_and_its_slot_is_freed()
    {
        await using var server = loopback.StartServer(o => o with { MaxConnections = 1, MinBytesPerSecond = 1024, RateGracePeriod = TimeSpan.FromSeconds(1) });
        var data = Blobs.Random(5_000);
        var offer = BlobOffer.For(data);
        var upload = server.ExpectUpload(offer, TimeSpan.FromMinutes(5));

        await using (var trickle = await OpenAsync(server.EndPoint, loopback.Site, BlobOperation.Put, offer))
        {
            Assert.Equal(BlobStatus.Ok, await ReadStatusAsync(trickle));
            await TrickleUntilDroppedAsync(trickle);
        }

        await Eventually.EqualAsync(1L, () => server.Counters.SlowPeersDropped);
        Assert.False(upload.IsCompleted);
        await loopback.ClientFor(loopback.Site).UploadAsync(server.EndPoint, offer, data);
        Assert.Equal(data, await upload);
    }

    [Fact]
    public async Task A_site_holding_its_share_of_slots_hears_busy_while_another_site_is_served()
    {
        await using var server = loopback.StartServer(o => o with { MaxConnectionsPerPeer = 1 });
        var held = BlobOffer.For(Blobs.Random(1_000));
        _ = server.ExpectUpload(held, TimeSpan.FromMinutes(5));
        var blob = Blobs.Random(2_000);
        var offer = server.Publish(blob, TimeSpan.FromMinutes(5));

        await using var holding = await OpenAsync(server.EndPoint, loopback.Site, BlobOperation.Put, held);
        Assert.Equal(BlobStatus.Ok, await ReadStatusAsync(holding));

        var refused = await Assert.ThrowsAsync<BlobTransferException>(() => loopback.ClientFor(loopback.Site).FetchAsync(server.EndPoint, offer));
        Assert.Equal(BlobStatus.Busy, refused.Status);
        Assert.Equal(blob, await loopback.ClientFor(loopback.OtherSite).FetchAsync(server.EndPoint, offer));
    }

    /// <summary>A raw mutual-TLS connection with the request sent: what a misbehaving site controls byte by byte.</summary>
    private static async Task<SslStream> OpenAsync(IPEndPoint server, X509Certificate2 certificate, BlobOperation operation, BlobOffer offer)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(server);
        var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "coordinator",
            ClientCertificates = [certificate],
            LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate,
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        });
        var request = new byte[BlobRequest.Size];
        new BlobRequest(operation, offer.Ticket, offer.Length).Write(request);
        await tls.WriteAsync(request);
        await tls.FlushAsync();
        return tls;
    }

    private static async Task<BlobStatus> ReadStatusAsync(Stream stream)
    {
        var answer = new byte[StatusFrame.Size];
        await stream.ReadExactlyAsync(answer);
        return StatusFrame.Read(answer);
    }

    /// <summary>One byte every 200 ms until the server closes the connection (bounded: 2 minutes of bytes).</summary>
    private static async Task TrickleUntilDroppedAsync(SslStream stream)
    {
        try
        {
            for (var i = 0; i < 600; i++)
            {
                await stream.WriteAsync(new byte[1]);
                await stream.FlushAsync();
                await Task.Delay(200);
            }

            Assert.Fail("The server kept a connection that moved 5 bytes a second.");
        }
        catch (IOException)
        {
            // Dropped.
        }
    }
}
