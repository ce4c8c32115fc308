using FedHealth.WebConsole.Tests.Support;

namespace FedHealth.WebConsole.Tests.Browser;

/// <summary>
/// <c>fedhealth sim --console PORT</c>, the real program, watched in headless Chromium: a simulated
/// study's rounds advance on the open page, the privacy gauge and the sites follow, and the
/// console stays up after the study ends.
/// </summary>
public sealed class SimConsoleSpecs
{
    private const int Rounds = 30;

    [Fact]
    public async Task A_simulated_study_advances_live_on_the_console_which_stays_up_after_it_ends()
    {
        var port = FreePort.Next();
        await using var sim = SimProcess.Start(
            "sim", "--rounds", $"{Rounds}", "--local-steps", "400", "--dp", "site", "--target-epsilon", "8",
            "--out", Path.Combine(TempFolder.Create(), "run"), "--console", $"{port}");
        await Eventually.Get(() => Task.FromResult(sim.StdErr), e => e.Contains("console: http://127.0.0.1:", StringComparison.Ordinal) || sim.HasExited, "the console to start");
        Assert.False(sim.HasExited, $"fedhealth sim exited: {sim.StdErr}");
        await using var browser = await HeadlessChromium.OpenAsync($"http://127.0.0.1:{port}/");
        await browser.UntilAsync("Number(document.getElementById('study-summary')?.dataset.roundsDone) >= 1", "a first round on the page");
        await browser.EvaluateAsync("window.loadedOnce = 'yes'");
        var first = (await browser.EvaluateAsync("Number(document.getElementById('study-summary').dataset.roundsDone)"))!.GetValue<int>();
        await browser.UntilAsync($"Number(document.getElementById('study-summary').dataset.roundsDone) > {first}", "the rounds to advance");
        await browser.UntilAsync($"document.querySelector('#studies tr[data-study] td:nth-child(2)')?.textContent === 'completed'", "the study to complete");

        Assert.Equal("yes", (await browser.EvaluateAsync("window.loadedOnce"))?.GetValue<string>());
        Assert.True(first < Rounds, $"the page first showed {first} rounds done, so it did not see the study run");
        Assert.Equal(Rounds, (await browser.EvaluateAsync("document.querySelectorAll('#rounds tr[data-round]').length"))?.GetValue<int>());
        Assert.Equal(4, (await browser.EvaluateAsync("document.querySelectorAll('#sites tr[data-site]').length"))?.GetValue<int>());
        Assert.Contains("of 8.000", (await browser.EvaluateAsync("document.getElementById('gauge').textContent"))!.GetValue<string>(), StringComparison.Ordinal);
        await Eventually.Get(() => Task.FromResult(sim.StdErr), e => e.Contains("stays up until Ctrl-C", StringComparison.Ordinal), "the console to outlive the study");
        Assert.False(sim.HasExited);
        await browser.ScreenshotAsync(Path.Combine(AppContext.BaseDirectory, "screenshots", "sim-console.png"));
    }

    [Fact]
    public async Task The_console_option_is_refused_with_processes_naming_the_coordinator_setting()
    {
        await using var sim = SimProcess.Start("sim", "--processes", "--console", "--out", Path.Combine(TempFolder.Create(), "run"));

        Assert.NotEqual(0, await sim.WaitForExitAsync());
        Assert.Contains("Coordinator:Console:Url", sim.StdErr, StringComparison.Ordinal);
        Assert.Empty(sim.StdOut.Trim());
    }
}
