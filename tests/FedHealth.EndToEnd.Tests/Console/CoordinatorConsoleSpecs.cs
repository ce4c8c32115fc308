using System.Text.Json.Nodes;
using FedHealth.EndToEnd.Tests.Federation;
using FedHealth.EndToEnd.Tests.Support;
using FedHealth.Simulation.Processes;
using static FedHealth.EndToEnd.Tests.Federation.FederationFixtures;

namespace FedHealth.EndToEnd.Tests.Console;

/// <summary>
/// The coordinator service's web console (docs/console.md) in a real local federation: served on
/// 127.0.0.1 by the service's own host, it follows the study's rounds while they run.
/// </summary>
[Collection(LocalFederationCollection.Name)]
public sealed class CoordinatorConsoleSpecs
{
    [Fact]
    public async Task The_coordinator_service_serves_its_console_and_the_rounds_advance_on_it_while_the_study_runs()
    {
        var port = FreePorts.Pick();
        var spec = Spec(ThreeCenters(), Study(rounds: 4, localSteps: 1500));
        spec = spec with { Options = spec.Options with { CoordinatorConsolePort = port } };
        var federation = LocalFederation.Prepare(spec);
        await using var _ = federation;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };

        await federation.StartAsync();
        var completion = federation.WaitForCompletionAsync();
        var seen = new List<int>();
        string? page = null;
        while (!completion.IsCompleted)
        {
            try
            {
                page ??= await http.GetStringAsync(new Uri("/", UriKind.Relative));
                var studies = JsonNode.Parse(await http.GetStringAsync(new Uri("/api/studies", UriKind.Relative)))!.AsArray();
                if (studies.Count == 1 && studies[0]!["rounds_done"]!.GetValue<int>() is var done && (seen.Count == 0 || seen[^1] != done))
                {
                    seen.Add(done);
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
        Assert.True(seen.Count >= 2, $"rounds_done on /api/studies took the values [{string.Join(", ", seen)}]");
        Assert.Equal(seen.Order(), seen);
        Assert.Contains("consortium console", page, StringComparison.Ordinal);
        Assert.Contains("console: http://127.0.0.1:", File.ReadAllText(result.CoordinatorLog), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_console_on_another_address_than_loopback_without_https_is_refused_naming_the_key()
    {
        var config = Path.Combine(FedHealthProcess.TempFolder(), "coordinator.json");
        File.WriteAllText(config, """{ "Coordinator": { "Console": { "Url": "http://0.0.0.0:7480" } }, "Study": { "Sites": ["a"] }, "Schema": { "Label": "y", "Columns": ["x"] } }""");

        var run = await FedHealthProcess.RunAsync("coordinator", "--config", config, "--Coordinator:Output", FedHealthProcess.TempFolder());

        run.AssertRefusedWith("Coordinator:Console:Url: a console on 0.0.0.0 (not the loopback address) must use https://");
    }

    [Fact]
    public async Task A_node_console_on_the_metrics_port_is_refused_by_name()
    {
        var run = await FedHealthProcess.RunAsync(
            "node", "--config", Path.Combine(Paths.RepositoryRoot, "deploy/compose/config/hospital-0/node.json"),
            "--Node:Metrics:Port", "9471", "--Node:Console:Url", "http://127.0.0.1:9471");

        run.AssertRefusedWith("Node:Console:Url: port 9471 is the metrics endpoint's too");
    }
}
