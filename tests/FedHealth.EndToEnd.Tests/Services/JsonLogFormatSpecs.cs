using System.Text.Json;
using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Services;

/// <summary>FEDHEALTH_LOG_FORMAT (docs/operations.md "Logs").</summary>
public sealed class JsonLogFormatSpecs
{
    [Fact]
    public async Task With_the_json_log_format_every_stderr_line_is_a_compact_json_event_and_stdout_keeps_the_result()
    {
        var run = await FedHealthProcess.RunAsync(
            new Dictionary<string, string> { ["FEDHEALTH_LOG_FORMAT"] = "json", ["FEDHEALTH_LOG_LEVEL"] = "Information" },
            "sim", "--rounds", "1", "--json", "--out", FedHealthProcess.TempFolder());

        Assert.True(run.ExitCode == 0, run.StdErr);
        var events = run.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.True(e.TryGetProperty("@t", out _) && (e.TryGetProperty("@mt", out _) || e.TryGetProperty("@m", out _)), e.ToString()));
        Assert.Contains(events, e => e.GetProperty("@mt").GetString()!.Contains("round", StringComparison.OrdinalIgnoreCase));
        using var result = JsonDocument.Parse(run.StdOut);
    }

    [Fact]
    public async Task An_unknown_log_format_is_refused_naming_the_variable_and_the_value()
    {
        var run = await FedHealthProcess.RunAsync(new Dictionary<string, string> { ["FEDHEALTH_LOG_FORMAT"] = "xml" }, "sim", "--rounds", "1");

        run.AssertRefusedWith("FEDHEALTH_LOG_FORMAT: 'xml'");
        Assert.Equal(2, run.ExitCode);
    }
}
