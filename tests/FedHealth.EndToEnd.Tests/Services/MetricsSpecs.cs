using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using FedHealth.EndToEnd.Tests.Federation;
using FedHealth.Simulation.Processes;
using static FedHealth.EndToEnd.Tests.Federation.FederationFixtures;

namespace FedHealth.EndToEnd.Tests.Services;

/// <summary>
/// A real local federation whose coordinator serves its monitoring endpoint on 127.0.0.1
/// (docs/operations.md): scraped over HTTP while the study runs.
/// </summary>
[Collection(LocalFederationCollection.Name)]
public sealed partial class MetricsSpecs
{
    [Fact]
    public async Task The_coordinator_serves_rounds_completed_increasing_on_metrics_and_is_ready_while_the_study_runs()
    {
        var port = FreePorts.Pick();
        var spec = Spec(ThreeCenters(), Study(rounds: 4, localSteps: 1500));
        spec = spec with { Options = spec.Options with { CoordinatorMetricsPort = port } };
        var federation = LocalFederation.Prepare(spec);
        await using var _ = federation;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };

        await federation.StartAsync();
        var completion = federation.WaitForCompletionAsync();
        var seen = new List<long>();
        var ready = new List<HttpStatusCode>();
        string? lastScrape = null;
        while (!completion.IsCompleted)
        {
            try
            {
                ready.Add((await http.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
                lastScrape = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
                if (RoundsCompleted(lastScrape) is { } value && (seen.Count == 0 || seen[^1] != value))
                {
                    seen.Add(value);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet, or already gone at the end of the study.
            }

            await Task.WhenAny(completion, Task.Delay(20));
        }

        var result = await completion;
        Assert.True(result.ExitCode == 0, $"The coordinator exited with {result.ExitCode}.\n{File.ReadAllText(result.CoordinatorLog)}");
        Assert.True(seen.Count >= 2, $"fedhealth_rounds_completed_total took the values [{string.Join(", ", seen)}]; the last scrape:\n{lastScrape}");
        Assert.Equal(seen.Order(), seen);
        Assert.Contains(HttpStatusCode.OK, ready);
        Assert.Contains("fedhealth_round_duration_seconds_bucket", lastScrape, StringComparison.Ordinal);
        Assert.Contains("fedhealth_site_train_duration_seconds_bucket", lastScrape, StringComparison.Ordinal);
    }

    private static long? RoundsCompleted(string scrape) =>
        RoundsCompletedLine().Match(scrape) is { Success: true } match ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^fedhealth_rounds_completed_total\{[^}]*study=""[^""]+""[^}]*\} (\d+)", RegexOptions.Multiline)]
    private static partial Regex RoundsCompletedLine();
}
