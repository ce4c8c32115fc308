using FedHealth.WebConsole.Streaming;

namespace FedHealth.WebConsole.Tests.Streaming;

public sealed class ConsoleFeedSpecs
{
    [Fact]
    public async Task A_change_the_reader_has_not_seen_is_returned_at_once()
    {
        var feed = new ConsoleFeed();
        feed.Changed();

        Assert.Equal(1, await feed.NextAsync(0, TimeSpan.FromDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task A_waiting_reader_is_woken_by_the_next_change()
    {
        var feed = new ConsoleFeed();
        var next = feed.NextAsync(0, TimeSpan.FromDays(1), CancellationToken.None);
        Assert.False(next.IsCompleted);

        feed.Changed();

        Assert.Equal(1, await next);
    }

    [Fact]
    public async Task Bursts_coalesce_into_the_latest_version()
    {
        var feed = new ConsoleFeed();
        feed.Changed();
        feed.Changed();
        feed.Changed();

        Assert.Equal(3, await feed.NextAsync(0, TimeSpan.FromDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_change_the_wait_ends_with_nothing_so_the_stream_can_send_a_keep_alive()
    {
        var feed = new ConsoleFeed();

        Assert.Null(await feed.NextAsync(0, TimeSpan.FromMilliseconds(1), CancellationToken.None));
    }

    [Fact]
    public void An_event_is_one_data_line_ended_by_a_blank_line()
    {
        Assert.Equal("event: studies\ndata: []\n\n", ServerSentEvents.Format("studies", "[]"));
    }
}
