using System.Net;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Node.Agent.Replies;
using FedHealth.Node.Policy;
using FedHealth.Pki.Identity;
using FedHealth.WebConsole.Access;
using FedHealth.WebConsole.Hospital;
using FedHealth.WebConsole.Studies;
using FedHealth.WebConsole.Tests.Support;
using Xunit.Abstractions;

namespace FedHealth.WebConsole.Tests.Browser;

/// <summary>
/// The consoles in a real browser (Debian's headless Chromium over the DevTools protocol): rounds
/// advance on the open page without a reload, the ε gauge and the sites table follow, and an
/// https console refuses a browser that has no operator certificate. Screenshots are kept in the
/// test output's <c>screenshots/</c> folder.
/// </summary>
public sealed class BrowserSpecs(ITestOutputHelper output)
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task The_coordinator_page_shows_rounds_advancing_live_with_the_privacy_gauge_and_the_sites()
    {
        await using var host = await ConsoleHost.Studies(new StudyBoard());
        host.Publish(StudyEvents.Opened(rounds: 5, budget: 4.0));
        await using var browser = await HeadlessChromium.OpenAsync(host.Url.ToString());

        await browser.UntilAsync("document.getElementById('live').textContent === 'live' && document.querySelector('#studies tr[data-study=\"sepsis-2026\"]')", "the page to go live and list the study");
        await browser.EvaluateAsync("window.loadedOnce = 'yes'");

        host.Publish(StudyEvents.Started(1));
        await browser.UntilAsync("document.querySelector('#rounds tr[data-round=\"1\"]')?.dataset.state === 'running'", "round 1 running");

        host.Publish(StudyEvents.Committed(1, epsilon: 0.7, auc: 0.78));
        host.Publish(StudyEvents.Started(2));
        await browser.UntilAsync("document.querySelector('#rounds tr[data-round=\"1\"]')?.dataset.state === 'committed' && document.querySelector('#rounds tr[data-round=\"2\"]')?.dataset.state === 'running'", "round 1 committed and round 2 running");
        host.Publish(StudyEvents.Committed(2, epsilon: 1.1, auc: 0.82));
        host.Publish(StudyEvents.Started(3));
        await browser.UntilAsync("document.querySelector('#rounds tr[data-round=\"3\"]')?.dataset.state === 'running'", "round 3 running");

        Assert.Equal("yes", (await browser.EvaluateAsync("window.loadedOnce"))?.GetValue<string>());
        Assert.Equal("ε 1.100", (await browser.EvaluateAsync("document.getElementById('gauge-value').textContent"))?.GetValue<string>());
        Assert.Contains("of 4.000", (await browser.EvaluateAsync("document.getElementById('gauge').textContent"))!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("2", (await browser.EvaluateAsync("document.getElementById('study-summary').dataset.roundsDone"))?.GetValue<string>());
        Assert.Equal(3, (await browser.EvaluateAsync("document.querySelectorAll('#sites tr[data-site]').length"))?.GetValue<int>());
        Assert.Contains("hospital-c @ masked_input: the site vanished",
            (await browser.EvaluateAsync("document.querySelector('#rounds tr[data-round=\"2\"]').textContent"))!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, (await browser.EvaluateAsync("document.querySelectorAll('#auc-chart circle').length"))?.GetValue<int>());
        await browser.ScreenshotAsync(Path.Combine(Screenshots, "coordinator-console.png"));

        // A figure for docs/console.md, not an assertion: a second load (the browser warm), to the load event and to the first live render.
        await browser.EvaluateAsync("window.loadedOnce = 'again'");
        Assert.Null(await browser.NavigateAsync(host.Url.ToString()));
        await browser.UntilAsync("window.loadedOnce === undefined && document.querySelector('#rounds tr[data-round=\"3\"]')", "the reloaded page to show round 3");
        output.WriteLine($"page load: {(await browser.EvaluateAsync("performance.getEntriesByType('navigation')[0].loadEventEnd"))?.GetValue<double>():0.0} ms to the load event, " +
            $"{(await browser.EvaluateAsync("performance.now()"))?.GetValue<double>():0.0} ms until the rounds were on the page");
    }

    [Fact]
    public async Task The_hospital_page_lists_what_left_the_site_as_it_leaves()
    {
        var site = new SiteId("hospital-a");
        var policy = new NodePrivacyPolicy(8, 3, 1e-5, RequireDp: true, RequireSecureAggregation: true, MaxLocalSteps: 500);
        await using var host = await ConsoleHost.Site(new HospitalBoard(site, policy, ledger: null));
        await using var browser = await HeadlessChromium.OpenAsync(host.Url.ToString());
        await browser.UntilAsync("document.getElementById('live').textContent === 'live' && document.getElementById('site').textContent === 'hospital-a'", "the hospital page to go live");

        host.Publish(new SiteMessageSent(site, new StageFailed(StudyEvents.Study, 1, ProtocolStage.Fit, site, "refused by the site's privacy policy: per-study ε limit 3 reached"), DateTimeOffset.UtcNow));

        await browser.UntilAsync("document.querySelector('#messages tr[data-kind=\"StageFailed\"]')", "the refusal in the list of messages");
        Assert.Contains("per-study ε limit 3 reached", (await browser.EvaluateAsync("document.querySelector('#messages tbody').textContent"))!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("yes", (await browser.EvaluateAsync("document.querySelector('#policy').textContent"))!.GetValue<string>(), StringComparison.Ordinal);
        await browser.ScreenshotAsync(Path.Combine(Screenshots, "hospital-console.png"));
    }

    [Fact]
    public async Task A_console_bound_beyond_loopback_refuses_a_browser_without_an_operator_certificate()
    {
        using var consortium = Consortium.Create();
        var access = new OperatorAccess(consortium.Trust());
        var address = new ConsoleAddress(IPAddress.Any, FreePort.Next(), Https: true);
        await using var host = await ConsoleHost.Studies(new StudyBoard(), new ConsoleListener(address, consortium.Issue("coordinator", PeerRole.Coordinator), access));
        await using var browser = await HeadlessChromium.OpenAsync("about:blank");

        var error = await browser.NavigateAsync($"https://127.0.0.1:{address.Port}/");

        Assert.False(string.IsNullOrEmpty(error), "the page loaded without a client certificate");
        Assert.Contains("net::ERR_", error, StringComparison.Ordinal);
        Assert.NotEqual(true, (await browser.EvaluateAsync("document.body?.textContent.includes('consortium console') ?? false"))?.GetValue<bool>());
    }
}
