using FedHealth.Hosting.Logging;
using FedHealth.Hosting.Serialization.Validation;
using Serilog.Events;

namespace FedHealth.Coordinator.Tests.Logging;

public sealed class ProtocolRefusalLogFilterSpecs
{
    [Fact]
    public void A_flood_of_refusals_from_one_peer_is_logged_once_per_reason()
    {
        var filter = new ProtocolRefusalLogFilter();

        var passed = Enumerable.Range(0, 1_000).Count(_ => filter.IsEnabled(Event("reader-peer-a", Refusal(RefusalReason.OutOfRange))));

        Assert.Equal(1, passed);
        Assert.True(filter.IsEnabled(Event("reader-peer-a", Refusal(RefusalReason.InvalidId))));
        Assert.True(filter.IsEnabled(Event("reader-peer-b", Refusal(RefusalReason.OutOfRange))));
    }

    [Fact]
    public void A_refusal_wrapped_in_another_exception_counts_as_a_refusal()
    {
        var filter = new ProtocolRefusalLogFilter();

        Assert.True(filter.IsEnabled(Event("reader", new InvalidOperationException("outer", Refusal(RefusalReason.Malformed)))));
        Assert.False(filter.IsEnabled(Event("reader", Refusal(RefusalReason.Malformed))));
    }

    [Fact]
    public void Other_events_and_other_exceptions_are_never_dropped()
    {
        var filter = new ProtocolRefusalLogFilter();

        Assert.All(Enumerable.Range(0, 20), _ => Assert.True(filter.IsEnabled(Event("reader", new IOException("socket closed")))));
        Assert.All(Enumerable.Range(0, 20), _ => Assert.True(filter.IsEnabled(Event("reader", null))));
    }

    private static ProtocolViolationException Refusal(RefusalReason reason) => new("FitReply", reason, "a member is wrong");

    private static LogEvent Event(string source, Exception? exception) =>
        new(DateTimeOffset.UnixEpoch, LogEventLevel.Warning, exception, MessageTemplate.Empty, [new LogEventProperty("LogSource", new ScalarValue(source))]);
}
