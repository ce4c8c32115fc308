using System.Net;
using System.Text.Json.Nodes;
using FedHealth.WebConsole.Studies;
using FedHealth.WebConsole.Tests.Support;

namespace FedHealth.WebConsole.Tests.Http;

/// <summary>The coordinator console over HTTP on a real Kestrel, fed through a real actor system's EventStream.</summary>
public sealed class StudyConsoleSpecs
{
    [Fact]
    public async Task The_event_stream_sends_the_studies_at_once_then_every_round_as_it_starts_and_commits()
    {
        await using var host = await ConsoleHost.Studies(new StudyBoard());
        using var client = new HttpClient { BaseAddress = host.Url, Timeout = Timeout.InfiniteTimeSpan };
        using var deadline = new CancellationTokenSource(Eventually.Bound);

        using var response = await client.GetAsync("api/events", HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new EventStreamReader(await response.Content.ReadAsStreamAsync(deadline.Token));
        var first = await events.NextAsync(deadline.Token);
        Assert.Equal(("studies", 0), (first.Name, first.Data.AsArray().Count));

        host.Publish(StudyEvents.Opened());
        host.Publish(StudyEvents.Started(1));
        var running = await events.UntilAsync(d => Round(d, 1)?["state"]?.GetValue<string>() == "running", deadline.Token);
        Assert.Equal(3, Round(running.Data, 1)!["sites_connected"]!.GetValue<int>());

        host.Publish(StudyEvents.Committed(1, epsilon: 0.7, auc: 0.81));
        var committed = await events.UntilAsync(d => Round(d, 1)?["state"]?.GetValue<string>() == "committed", deadline.Token);
        var study = committed.Data[0]!["study"]!;
        Assert.Equal((1, 0.7), (study["rounds_done"]!.GetValue<int>(), study["epsilon_spent"]!.GetValue<double>()));
        Assert.Equal("masked_input", Round(committed.Data, 1)!["dropped"]![0]!["stage"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_rounds_api_returns_the_rounds_the_page_shows()
    {
        await using var host = await ConsoleHost.Studies(new StudyBoard());
        using var client = new HttpClient { BaseAddress = host.Url };
        host.Publish(StudyEvents.Opened());
        host.Publish(StudyEvents.Started(1));
        host.Publish(StudyEvents.Committed(1, epsilon: 0.7, auc: 0.81));
        host.Publish(StudyEvents.Started(2));

        var rounds = await Eventually.Get(
            async () => JsonNode.Parse(await client.GetStringAsync("api/studies/sepsis-2026/rounds"))!.AsArray(),
            r => r.Count == 2, "two rounds in /api/studies/{id}/rounds");

        Assert.Equal(("committed", 3, 2, 0.81), (rounds[0]!["state"]!.GetValue<string>(), rounds[0]!["sites_sampled"]!.GetValue<int>(),
            rounds[0]!["sites_succeeded"]!.GetValue<int>(), rounds[0]!["auc"]!.GetValue<double>()));
        Assert.Equal("running", rounds[1]!["state"]!.GetValue<string>());
        var sites = JsonNode.Parse(await client.GetStringAsync("api/studies/sepsis-2026/sites"))!.AsArray();
        Assert.Equal(["hospital-a", "hospital-b", "hospital-c"], sites.Select(s => s!["site"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_unknown_study_is_not_found_and_the_answer_names_it()
    {
        await using var host = await ConsoleHost.Studies(new StudyBoard());
        using var client = new HttpClient { BaseAddress = host.Url };

        using var response = await client.GetAsync("api/studies/no-such-study/rounds");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no-such-study", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "text/html", "consortium console")]
    [InlineData("assets/console.css", "text/css", ".progress")]
    [InlineData("assets/coordinator.js", "text/javascript", "live(\"studies\"")]
    [InlineData("assets/console.js", "text/javascript", "new EventSource(\"/api/events\")")]
    public async Task The_page_and_its_assets_come_from_the_assembly(string path, string type, string content)
    {
        await using var host = await ConsoleHost.Studies(new StudyBoard());
        using var client = new HttpClient { BaseAddress = host.Url };

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(content, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("assets/missing.js")]
    [InlineData("assets/FedHealth.WebConsole.csproj")]
    [InlineData("assets/..%2Fcoordinator.html")]
    public async Task Only_the_console_own_assets_are_served(string path)
    {
        await using var host = await ConsoleHost.Studies(new StudyBoard());
        using var client = new HttpClient { BaseAddress = host.Url };

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static JsonNode? Round(JsonNode details, int round) =>
        details.AsArray().Count == 0 ? null : details[0]!["rounds"]!.AsArray().FirstOrDefault(r => r!["round"]!.GetValue<int>() == round);
}
