using System.Text.Json.Nodes;
using FedHealth.EndToEnd.Tests.Support;
using FedHealth.Simulation.Processes;
using static FedHealth.EndToEnd.Tests.Federation.FederationFixtures;

namespace FedHealth.EndToEnd.Tests.Federation;

/// <summary>
/// A site enrolled while the study runs (<c>fedhealth study add-site</c>, a change signed with the
/// coordinator's key): refused before, admitted after, and trained in a later round, no restart.
/// </summary>
[Collection(LocalFederationCollection.Name)]
public sealed class AddSiteSpecs
{
    private static readonly TimeSpan LineTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_site_added_to_a_running_study_registers_and_trains_in_a_later_round_without_a_restart()
    {
        // Many rounds: the newcomer retries with a backoff of up to 30 s, and must find the study still running.
        var study = Study(rounds: 400, localSteps: 20);
        study["Sites"] = new JsonArray("0", "1", "2");
        var sites = ThreeCenters().Append(HeartSite("3", "3")).ToList();
        await using var federation = LocalFederation.Prepare(Spec(sites, study));
        await federation.StartAsync();
        await federation.WaitForLineAsync(l => l.IsCoordinator && l.Text.Contains("round 1 of 400 started", StringComparison.Ordinal), LineTimeout);
        await federation.WaitForLineAsync(l => l.IsCoordinator && l.Text.Contains("is not enrolled", StringComparison.Ordinal), LineTimeout);

        var add = await FedHealthProcess.RunAsync("study", "add-site", "--config", federation.CoordinatorConfigPath, "--site", "3");

        Assert.True(add.ExitCode == 0, add.StdErr);
        var trained = await federation.WaitForLineAsync(l => l.SiteId == "3" && l.Text.Contains("training heart-processes round", StringComparison.Ordinal), LineTimeout);
        Assert.DoesNotContain("round 1 ", trained.Text, StringComparison.Ordinal);
        Assert.True(federation.IsCoordinatorRunning);
    }

    [Fact]
    public async Task An_added_sites_file_not_signed_by_the_coordinator_is_refused_when_extended()
    {
        var federation = LocalFederation.Prepare(Spec(ThreeCenters(), Study(rounds: 1)));
        await using (federation)
        {
            var state = Path.Combine(Path.GetDirectoryName(federation.CoordinatorConfigPath)!, "coordinator-state");
            Directory.CreateDirectory(state);
            await File.WriteAllTextAsync(Path.Combine(state, "added-sites.json"), """{"Sites":["intruder"],"Signature":"00"}""");

            var add = await FedHealthProcess.RunAsync("study", "add-site", "--config", federation.CoordinatorConfigPath, "--site", "3");

            Assert.Equal(2, add.ExitCode);
            Assert.Contains("not signed by this coordinator", System.Text.RegularExpressions.Regex.Replace(add.StdErr, @"\s+", " "), StringComparison.Ordinal);
        }
    }
}
