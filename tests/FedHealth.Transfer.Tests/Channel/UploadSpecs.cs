using FedHealth.Transfer.Framing;
using FedHealth.Transfer.Offers;
using FedHealth.Transfer.Tests.Support;

namespace FedHealth.Transfer.Tests.Channel;

/// <summary>Site → coordinator: the site makes an offer, the server expects it, the site uploads.</summary>
public sealed class UploadSpecs(Loopback loopback) : IClassFixture<Loopback>
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task An_upload_is_handed_over_byte_exact_once_verified()
    {
        await using var server = loopback.StartServer();
        var update = Blobs.Random((2 * Blobs.Chunk) + 9);
        var offer = BlobOffer.For(update);
        var arrival = server.ExpectUpload(offer, Lifetime);

        await loopback.ClientFor(loopback.Site).UploadAsync(server.EndPoint, offer, update);

        Assert.Equal(update, await arrival);
        Assert.Equal(1, server.Counters.CompletedUploads);
    }

    [Fact]
    public async Task An_upload_that_does_not_match_its_offer_is_refused_and_the_server_keeps_waiting()
    {
        await using var server = loopback.StartServer();
        var update = Blobs.Random(Blobs.Chunk + 1);
        var offer = BlobOffer.For(update);
        var arrival = server.ExpectUpload(offer, Lifetime);
        var client = loopback.ClientFor(loopback.Site);

        var error = await Assert.ThrowsAsync<BlobTransferException>(() => client.UploadAsync(server.EndPoint, offer, Blobs.Random(update.Length, seed: 2)));

        Assert.Equal(BlobStatus.HashMismatch, error.Status);
        Assert.False(arrival.IsCompleted);
        await client.UploadAsync(server.EndPoint, offer, update);
        Assert.Equal(update, await arrival);
    }

    [Fact]
    public async Task An_upload_ticket_takes_one_upload()
    {
        await using var server = loopback.StartServer();
        var update = Blobs.Random(1000);
        var offer = BlobOffer.For(update);
        _ = server.ExpectUpload(offer, Lifetime);
        var client = loopback.ClientFor(loopback.Site);
        await client.UploadAsync(server.EndPoint, offer, update);

        var error = await Assert.ThrowsAsync<BlobTransferException>(() => client.UploadAsync(server.EndPoint, offer, update));

        Assert.Equal(BlobStatus.TicketUsed, error.Status);
    }

    [Fact]
    public async Task A_ticket_serves_only_its_own_direction()
    {
        await using var server = loopback.StartServer();
        var update = Blobs.Random(1000);
        var expected = BlobOffer.For(update);
        _ = server.ExpectUpload(expected, Lifetime);
        var published = server.Publish(update, Lifetime);
        var client = loopback.ClientFor(loopback.Site);

        var fetch = await Assert.ThrowsAsync<BlobTransferException>(() => client.FetchAsync(server.EndPoint, expected));
        var upload = await Assert.ThrowsAsync<BlobTransferException>(() => client.UploadAsync(server.EndPoint, published, update));

        Assert.Equal(BlobStatus.WrongOperation, fetch.Status);
        Assert.Equal(BlobStatus.WrongOperation, upload.Status);
    }

    [Fact]
    public async Task Only_the_site_the_upload_is_expected_from_may_send_it()
    {
        await using var server = loopback.StartServer();
        var update = Blobs.Random(1000);
        var offer = BlobOffer.For(update);
        var arrival = server.ExpectUpload(offer, Lifetime, mayUpload: peer => peer.Thumbprint == loopback.Site.Thumbprint);

        var error = await Assert.ThrowsAsync<BlobTransferException>(() => loopback.ClientFor(loopback.OtherSite).UploadAsync(server.EndPoint, offer, update));

        Assert.Equal(BlobStatus.NotPermitted, error.Status);
        Assert.False(arrival.IsCompleted);
    }

    [Fact]
    public async Task An_upload_larger_than_the_server_allows_is_refused_when_it_is_expected()
    {
        await using var server = loopback.StartServer(maxUploadBytes: 1000);

        var error = await Assert.ThrowsAsync<BlobTransferException>(() => server.ExpectUpload(BlobOffer.For(new byte[1001]), Lifetime));

        Assert.Equal(BlobStatus.TooLarge, error.Status);
    }

    [Fact]
    public async Task An_awaited_upload_that_expires_fails_its_task_and_refuses_the_late_site()
    {
        var clock = new ManualClock();
        await using var server = loopback.StartServer(clock);
        var update = Blobs.Random(1000);
        var offer = BlobOffer.For(update);
        var arrival = server.ExpectUpload(offer, TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(2));

        var late = await Assert.ThrowsAsync<BlobTransferException>(() => loopback.ClientFor(loopback.Site).UploadAsync(server.EndPoint, offer, update));
        var expired = await Assert.ThrowsAsync<BlobTransferException>(() => arrival);

        Assert.Equal(BlobStatus.ExpiredTicket, late.Status);
        Assert.Equal(BlobStatus.ExpiredTicket, expired.Status);
    }

    [Fact]
    public async Task Cancelling_an_awaited_upload_cancels_its_task_and_withdraws_the_ticket()
    {
        await using var server = loopback.StartServer();
        var update = Blobs.Random(1000);
        var offer = BlobOffer.For(update);
        using var cancel = new CancellationTokenSource();
        var arrival = server.ExpectUpload(offer, Lifetime, cancellationToken: cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => arrival);
        var error = await Assert.ThrowsAsync<BlobTransferException>(() => loopback.ClientFor(loopback.Site).UploadAsync(server.EndPoint, offer, update));
        Assert.Equal(BlobStatus.WithdrawnTicket, error.Status);
    }

    [Fact]
    public async Task Disposing_the_server_fails_awaited_uploads_and_closes_the_port()
    {
        var server = loopback.StartServer();
        var offer = BlobOffer.For(Blobs.Random(1000));
        var arrival = server.ExpectUpload(offer, Lifetime);

        await server.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => arrival);
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() =>
            loopback.ClientFor(loopback.Site).UploadAsync(server.EndPoint, offer, Blobs.Random(1000)));
        Assert.Throws<ObjectDisposedException>(() => server.Publish(new byte[1], Lifetime));
    }
}
