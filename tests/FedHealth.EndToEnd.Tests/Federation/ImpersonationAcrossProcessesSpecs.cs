using System.Text.Json.Nodes;
using FedHealth.Core.Protocol;
using FedHealth.EndToEnd.Tests.Federation.Attacker;
using FedHealth.Simulation.Processes;
using static FedHealth.EndToEnd.Tests.Federation.FederationFixtures;

namespace FedHealth.EndToEnd.Tests.Federation;

/// <summary>
/// A real coordinator process and four honest node processes over mutual TLS, and a fifth
/// enrolled site whose certificate is held by test code that lies: it speaks in the other sites'
/// names and replays another site's relayed enrolment.
/// </summary>
[Collection(LocalFederationCollection.Name)]
public sealed class ImpersonationAcrossProcessesSpecs
{
    [Fact]
    public async Task A_site_that_speaks_for_others_is_refused_and_named_and_a_replayed_enrolment_registers_no_one()
    {
        var study = Study(rounds: 3);
        study["Normalize"] = "site";
        study["StageTimeoutSeconds"] = 5;
        var federation = LocalFederation.Prepare(Spec([.. ThreeCenters(), HeartSite("3", "3"), HeartSite("4", "3")], study));
        await using var _ = federation;
        await federation.StartAsync();
        federation.KillNode("4");
        await using var attacker = await AttackerSystem.StartAsync("4", federation.Pki.Sites["4"], federation.CoordinatorPort);

        var result = await federation.WaitForCompletionAsync();

        Assert.True(result.Report is not null, Tail(result.CoordinatorLog));
        Assert.Equal("completed", result.Status);
        var rounds = result.Report!["rounds"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var attacked = rounds.Single(r => r["refused_messages"]!.AsArray().Count > 0);
        var refused = attacked["refused_messages"]!.AsArray().Select(m => m!.AsObject()).ToList();
        Assert.All(refused, m => Assert.Equal("site 4", m["real_sender"]!.GetValue<string>()));
        Assert.Equal(["0", "1", "2", "3"], refused.Select(m => m["claimed_site"]!.GetValue<string>()).Distinct().Order());
        Assert.Contains(refused, m => m["message"]!.GetValue<string>() == nameof(StageFailed));
        Assert.True(attacked["model_updated"]!.GetValue<bool>(), attacked.ToJsonString());
        Assert.Equal(["0", "1", "2", "3"], Ids(attacked["succeeded_site_ids"]));
        Assert.Contains("sent by site 4", File.ReadAllText(result.CoordinatorLog), StringComparison.Ordinal);

        // The replayed enrolment was challenged, its proof did not verify, and the real site kept its place.
        var challenge = attacker.Heard.OfType<RegistrationChallenge>().Single();
        var refusal = attacker.Heard.OfType<RegistrationRefused>().Single(r => r.Site == challenge.Site);
        Assert.Contains("does not verify", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains(challenge.Site.Value, Ids(rounds[^1]["succeeded_site_ids"]));
    }

    private static List<string> Ids(JsonNode? ids) => [.. ids!.AsArray().Select(i => i!.GetValue<string>()).Order()];
}
