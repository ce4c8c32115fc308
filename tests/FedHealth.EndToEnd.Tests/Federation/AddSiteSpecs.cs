using System.Text.Json.Nodes;
using FedHealth.EndToEnd.Tests.Support;
using FedHealth.Simulation.Processes;
using static FedHealth.EndToEnd.Tests.Federation.FederationFixtures;

namespace FedHealth.EndToEnd.Tests.Federation;

/// <summary>
/// A site enrolled while the study runs (<c>fedhealth study add-site</c>, a change signed with the
/// coordinator's key): refused before, admitted after, and trained in a later round, without a
/// restart of the coordinator or its study. (A node refused at TLS stops, as Akka.Remote stops any
/// system whose handshake fails, so the newcomer's hospital starts its node again once enrolled.)
/// </summary>
[Collection(LocalFederationCollection.Name)]
public sealed class AddSiteSpecs
{
    private static readonly TimeSpan LineTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_site_added_to_a_running_study_registers_and_trains_in_a_later_round_without_a_restart()
    {
        // Many rounds, so the study is still running when the newcomer joins.
        var study = Study(rounds: 2000, localSteps: 20);
        study["Sites"] = new JsonArray("0", "1", "2");
        var sites = ThreeCenters().Append(HeartSite("3", "3")).ToList();
        await using var federation = LocalFederation.Prepare(Spec(sites, study));
        await federation.StartAsync();
        await federation.WaitForLineAsync(l => l.IsCoordinator && l.Text.Contains("round 1 of 2000 started", StringComparison.Ordinal), LineTimeout);
        await federation.WaitForLineAsync(l => l.IsCoordinator && l.Text.Contains("is not enrolled", StringComparison.Ordinal), LineTimeout);

        var add = await FedHealthProcess.RunAsync("study", "add-site", "--config", federation.CoordinatorConfigPath, "--site", "3");

        Assert.True(add.ExitCode == 0, add.StdErr);
        await federation.RestartNodeAsync("3");
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
