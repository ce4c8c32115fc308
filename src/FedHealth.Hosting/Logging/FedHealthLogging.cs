using Serilog;
using Serilog.Events;

namespace FedHealth.Hosting.Logging;

/// <summary>
/// One Serilog configuration for every command: human-readable lines on stderr (stdout is kept for
/// results and --json), optionally a file at exactly the path given (no date appended: the
/// operator, or the launcher, named it). A peer's refused messages are logged once per peer and
/// reason (<see cref="ProtocolRefusalLogFilter"/>). Logs carry ids and figures, never rows or keys.
/// </summary>
public static class FedHealthLogging
{
    public static ILogger Create(LogEventLevel level, string? file = null)
    {
        var config = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Filter.With(new ProtocolRefusalLogFilter())
            .WriteTo.Console(
                standardErrorFromLevel: LogEventLevel.Verbose,
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}");
        if (!string.IsNullOrWhiteSpace(file))
        {
            config = config.WriteTo.File(file, rollingInterval: RollingInterval.Infinite);
        }

        return config.CreateLogger();
    }
}
