using System.Security.Cryptography.X509Certificates;
using FedHealth.Transfer.Framing;
using FedHealth.Transfer.Offers;
using FedHealth.Transfer.Tests.Support;

namespace FedHealth.Transfer.Tests.Channel;

/// <summary>Coordinator → site: the server publishes, the site fetches over mutual TLS on loopback.</summary>
public sealed class FetchSpecs(Loopback loopback) : IClassFixture<Loopback>
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Blobs.Chunk - 1)]
    [InlineData(Blobs.Chunk)]
    [InlineData(Blobs.Chunk + 1)]
    [InlineData((5 * Blobs.Chunk) + 3)]
    public async Task A_blob_round_trips_byte_exact_over_mutual_TLS(int size)
    {
        await using var server = loopback.StartServer();
        var blob = Blobs.Random(size);
        var offer = server.Publish(blob, Lifetime);

        var fetched = await loopback.ClientFor(loopback.Site).FetchAsync(server.EndPoint, offer);

        Assert.Equal(blob, fetched);
        await Eventually.EqualAsync(1, () => server.Counters.CompletedFetches);
    }

    [Fact]
    public async Task Sites_fetching_at_the_same_time_each_get_every_byte()
    {
        await using var server = loopback.StartServer();
        var blob = Blobs.Random((3 * Blobs.Chunk) + 17);
        var offer = server.Publish(blob, Lifetime);

        var fetched = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            loopback.ClientFor(i % 2 == 0 ? loopback.Site : loopback.OtherSite).FetchAsync(server.EndPoint, offer)));

        Assert.All(fetched, f => Assert.Equal(blob, f));
        await Eventually.EqualAsync(8, () => server.Counters.CompletedFetches);
    }

    [Fact]
    public async Task A_site_whose_certificate_the_validator_rejects_is_refused_and_counted()
    {
        await using var server = loopback.StartServer();
        var offer = server.Publish(Blobs.Random(100), Lifetime);

        var error = await Assert.ThrowsAsync<BlobTransferException>(() => loopback.ClientFor(loopback.Stranger).FetchAsync(server.EndPoint, offer));

        Assert.Equal(BlobStatus.Unauthenticated, error.Status);
        await Eventually.EqualAsync(1, () => server.Counters.RejectedHandshakes);
        Assert.Equal(0, server.Counters.CompletedFetches);
    }

    [Fact]
    public async Task A_site_refuses_a_server_whose_certificate_it_does_not_trust()
    {
        await using var server = loopback.StartServer();
        var offer = server.Publish(Blobs.Random(100), Lifetime);

        var error = await Assert.ThrowsAsync<BlobTransferException>(() => loopback.ClientTrustingOnlyElsewhere().FetchAsync(server.EndPoint, offer));

        Assert.Equal(BlobStatus.Unauthenticated, error.Status);
        Assert.Equal(0, server.Counters.CompletedFetches);
    }

    [Fact]
    public async Task An_unknown_ticket_is_refused_by_name()
    {
        await using var server = loopback.StartServer();
        var unpublished = BlobOffer.For(Blobs.Random(100));

        var error = await FetchFailsAsync(server, unpublished);

        Assert.Equal(BlobStatus.UnknownTicket, error.Status);
        Assert.Contains("unknown ticket", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_ticket_is_refused_as_expired()
    {
        var clock = new ManualClock();
        await using var server = loopback.StartServer(clock);
        var offer = server.Publish(Blobs.Random(100), TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(1));

        var error = await FetchFailsAsync(server, offer);

        Assert.Equal(BlobStatus.ExpiredTicket, error.Status);
    }

    [Fact]
    public async Task A_withdrawn_ticket_is_refused_as_withdrawn()
    {
        await using var server = loopback.StartServer();
        var offer = server.Publish(Blobs.Random(100), Lifetime);

        Assert.True(server.Withdraw(offer.Ticket));
        var error = await FetchFailsAsync(server, offer);

        Assert.Equal(BlobStatus.WithdrawnTicket, error.Status);
    }

    [Fact]
    public async Task A_ticket_meant_for_one_site_is_not_permitted_to_another()
    {
        await using var server = loopback.StartServer();
        var blob = Blobs.Random(100);
        var offer = server.Publish(blob, Lifetime, mayFetch: peer => peer.Thumbprint == loopback.Site.Thumbprint);

        var error = await Assert.ThrowsAsync<BlobTransferException>(() => loopback.ClientFor(loopback.OtherSite).FetchAsync(server.EndPoint, offer));

        Assert.Equal(BlobStatus.NotPermitted, error.Status);
        Assert.Equal(blob, await loopback.ClientFor(loopback.Site).FetchAsync(server.EndPoint, offer));
    }

    [Fact]
    public async Task An_offer_whose_length_differs_from_the_published_blob_is_refused()
    {
        await using var server = loopback.StartServer();
        var offer = server.Publish(Blobs.Random(100), Lifetime);

        var error = await FetchFailsAsync(server, new BlobOffer(offer.Ticket, 99, offer.Sha256));

        Assert.Equal(BlobStatus.LengthMismatch, error.Status);
    }

    [Fact]
    public async Task Bytes_changed_after_publishing_are_never_returned_to_the_site()
    {
        await using var server = loopback.StartServer();
        var blob = Blobs.Random((2 * Blobs.Chunk) + 1);
        var offer = server.Publish(blob, Lifetime);
        blob[Blobs.Chunk + 5] ^= 0xFF;

        var error = await FetchFailsAsync(server, offer);

        Assert.Equal(BlobStatus.HashMismatch, error.Status);
        await Eventually.EqualAsync(1, () => server.Counters.FailedTransfers);
    }

    [Fact]
    public async Task A_site_refuses_an_offer_above_its_limit_before_connecting()
    {
        var client = new Client.BlobClient(new Client.BlobClientOptions
        {
            Certificate = loopback.Site,
            ValidateServer = (_, _, _) => true,
            MaxFetchBytes = 1000,
        });

        var error = await Assert.ThrowsAsync<BlobTransferException>(() =>
            client.FetchAsync(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 1), BlobOffer.For(new byte[1001])));

        Assert.Equal(BlobStatus.TooLarge, error.Status);
    }

    [Fact]
    public async Task A_cancelled_fetch_stops_with_cancellation()
    {
        await using var server = loopback.StartServer();
        var offer = server.Publish(Blobs.Random(100), Lifetime);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            loopback.ClientFor(loopback.Site).FetchAsync(server.EndPoint, offer, new CancellationToken(canceled: true)));
    }

    private Task<BlobTransferException> FetchFailsAsync(Server.BlobServer server, BlobOffer offer) =>
        Assert.ThrowsAsync<BlobTransferException>(() => loopback.ClientFor(loopback.Site).FetchAsync(server.EndPoint, offer));
}
