using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Node.Agent.Replies;
using FedHealth.Node.Policy;
using FedHealth.Privacy.Accounting;
using FedHealth.WebConsole.Hospital;
using FedHealth.WebConsole.Tests.Support;

namespace FedHealth.WebConsole.Tests.Hospital;

/// <summary>The hospital console over HTTP: what left the site, its policy and its own ledger.</summary>
public sealed class HospitalConsoleSpecs
{
    private static readonly SiteId Site = new("hospital-a");
    private static readonly NodePrivacyPolicy Policy = new(MaxEpsilon: 8, MaxEpsilonPerStudy: 3, Delta: 1e-5, RequireDp: true, RequireSecureAggregation: true, MaxLocalSteps: 500);

    [Fact]
    public async Task A_message_that_left_the_site_is_listed_by_kind_size_and_hash_of_its_wire_bytes()
    {
        await using var host = await ConsoleHost.Site(new HospitalBoard(Site, Policy, ledger: null));
        using var client = new HttpClient { BaseAddress = host.Url };
        var refusal = new StageFailed(new StudyId("sepsis-2026"), 4, ProtocolStage.Fit, Site, "refused by the site's privacy policy: ε limit");
        var wire = host.System.Serialization.FindSerializerFor(refusal).ToBinary(refusal);

        host.Publish(new SiteMessageSent(new SiteId("hospital-b"), refusal with { Site = new SiteId("hospital-b") }, DateTimeOffset.UtcNow));
        host.Publish(new SiteMessageSent(Site, refusal, DateTimeOffset.UtcNow));

        var site = await Eventually.Get(async () => JsonNode.Parse(await client.GetStringAsync("api/site"))!, s => s["messages_sent"]!.GetValue<long>() > 0, "a message in /api/site");
        var message = Assert.Single(site["messages"]!.AsArray())!;
        Assert.Equal(("StageFailed", "sepsis-2026", 4, (long)wire.Length), (message["kind"]!.GetValue<string>(), message["study"]!.GetValue<string>(),
            message["round"]!.GetValue<int>(), message["bytes"]!.GetValue<long>()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(wire)), message["sha256"]!.GetValue<string>());
        Assert.Equal(refusal.Reason, message["reason"]!.GetValue<string>());
        Assert.Equal(1, site["messages_sent"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_ledger_is_shown_per_study_and_in_total_beside_the_site_own_limits()
    {
        var ledger = SqliteSitePrivacyLedger.InDirectory(TempFolder.Create());
        var orders = RdpCurve.Zero().Orders;
        var cost = new RdpCurve(orders, [.. orders.Select(a => 0.002 * a)]);
        ledger.Charge(new SiteCharge(new StudyId("sepsis-2026"), 1, 100, 1.1, 0.01, 0.5, cost, DateTimeOffset.UtcNow));
        ledger.Charge(new SiteCharge(new StudyId("sepsis-2026"), 2, 100, 1.1, 0.01, 0.5, cost, DateTimeOffset.UtcNow));
        await using var host = await ConsoleHost.Site(new HospitalBoard(Site, Policy, ledger));
        using var client = new HttpClient { BaseAddress = host.Url };

        var site = JsonNode.Parse(await client.GetStringAsync("api/site"))!;

        var study = Assert.Single(site["ledger"]!.AsArray())!;
        Assert.Equal(("sepsis-2026", 2), (study["study"]!.GetValue<string>(), study["rounds_charged"]!.GetValue<int>()));
        var total = site["epsilon_total"]!.GetValue<double>();
        Assert.Equal(SitePolicyCheck.Epsilon(cost.Times(2), Policy.Delta), total, 9);
        Assert.Equal(total, study["epsilon"]!.GetValue<double>(), 9);
        Assert.Equal((8.0, 3.0, true, 500L), (site["policy"]!["max_epsilon"]!.GetValue<double>(), site["policy"]!["max_epsilon_per_study"]!.GetValue<double>(),
            site["policy"]!["require_secure_aggregation"]!.GetValue<bool>(), site["policy"]!["max_local_steps"]!.GetValue<long>()));
    }

    [Fact]
    public async Task The_hospital_page_is_served()
    {
        await using var host = await ConsoleHost.Site(new HospitalBoard(Site, NodePrivacyPolicy.Permissive, ledger: null));
        using var client = new HttpClient { BaseAddress = host.Url };

        Assert.Contains("What left this site", await client.GetStringAsync(string.Empty), StringComparison.Ordinal);
    }
}
