using System.Collections.Concurrent;
using FedHealth.Hosting.Serialization.Validation;
using Serilog.Core;
using Serilog.Events;

namespace FedHealth.Hosting.Logging;

/// <summary>
/// Akka.Remote logs every message its serializer refuses, with the exception, so a peer sending
/// thousands of bad messages would write thousands of stack traces. This filter lets one such
/// event through per log source (the endpoint reader, which names the peer) and reason, and drops
/// the rest; the serializer counts them all (<see cref="FedHealth.Hosting.Serialization.ProtocolSerializer.Refusals"/>).
/// </summary>
public sealed class ProtocolRefusalLogFilter : ILogEventFilter
{
    // Peers × reasons is small; the cap only stops a peer that reconnects for ever from growing it.
    private const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<(string Source, RefusalReason Reason), byte> _logged = new();

    public bool IsEnabled(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (Refusal(logEvent.Exception) is not { } refused)
        {
            return true;
        }

        var source = logEvent.Properties.TryGetValue("LogSource", out var value) ? value.ToString() : string.Empty;
        return _logged.Count < MaxRemembered && _logged.TryAdd((source, refused.Reason), 0);
    }

    private static ProtocolViolationException? Refusal(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is ProtocolViolationException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
