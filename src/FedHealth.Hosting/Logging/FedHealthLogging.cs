using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace FedHealth.Hosting.Logging;

/// <summary>
/// One Serilog configuration for every command: human-readable lines on stderr (stdout is kept for
/// results and --json), optionally a file at exactly the path given (no date appended: the
/// operator, or the launcher, named it). A peer's refused messages are logged once per peer and
/// reason (<see cref="ProtocolRefusalLogFilter"/>). Logs carry ids and figures, never rows or keys.
/// <see cref="JsonFormat"/> (<c>FEDHEALTH_LOG_FORMAT=json</c>) writes compact JSON (CLEF) on stderr instead.
/// </summary>
public static class FedHealthLogging
{
    public const string JsonFormat = "json";

    public const string TextFormat = "text";

    /// <param name="format"><see cref="TextFormat"/> (null or empty too) or <see cref="JsonFormat"/>.</param>
    /// <exception cref="ArgumentException">Any other format, naming it.</exception>
    public static ILogger Create(LogEventLevel level, string? file = null, string? format = null)
    {
        var json = IsJson(format);
        var config = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Filter.With(new ProtocolRefusalLogFilter());
        config = json
            ? config.WriteTo.Console(new CompactJsonFormatter(), standardErrorFromLevel: LogEventLevel.Verbose)
            : config.WriteTo.Console(
                standardErrorFromLevel: LogEventLevel.Verbose,
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}");
        if (!string.IsNullOrWhiteSpace(file))
        {
            config = config.WriteTo.File(file, rollingInterval: RollingInterval.Infinite);
        }

        return config.CreateLogger();
    }

    private static bool IsJson(string? format)
    {
        if (string.IsNullOrWhiteSpace(format) || string.Equals(format, TextFormat, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (string.Equals(format, JsonFormat, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        throw new ArgumentException($"FEDHEALTH_LOG_FORMAT: '{format}' is not a log format; use 'text' or 'json'.", nameof(format));
    }
}
