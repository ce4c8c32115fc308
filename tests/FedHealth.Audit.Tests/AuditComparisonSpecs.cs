using System.Collections.Immutable;
using FedHealth.Audit.Entries;
using FedHealth.Audit.Verification;

namespace FedHealth.Audit.Tests;

public sealed class AuditComparisonSpecs
{
    [Fact]
    public void Messages_the_coordinator_received_as_sent_are_matched()
    {
        var node = Trail("site-1", Sent(1, "FitReply", "aa"), Sent(2, "FitReply", "bb"));
        var coordinator = Trail("coordinator", Received("site-1", 1, "FitReply", "aa"), Received("site-1", 2, "FitReply", "bb"));

        var result = AuditComparison.Compare(node, coordinator, "s");

        Assert.True(result.Consistent);
        Assert.Equal(2, result.Matched.Count);
        Assert.Empty(result.Unconfirmed);
    }

    [Fact]
    public void A_message_received_with_other_bytes_than_were_sent_is_a_contradiction()
    {
        var node = Trail("site-1", Sent(1, "FitReply", "aa"));
        var coordinator = Trail("coordinator", Received("site-1", 1, "FitReply", "ff"));

        var result = AuditComparison.Compare(node, coordinator, "s");

        Assert.False(result.Consistent);
        Assert.Equal("ff", Assert.Single(result.Contradicted).Sha256);
        Assert.Equal("aa", Assert.Single(result.Unconfirmed).Sha256);
    }

    [Fact]
    public void A_message_the_node_sent_that_never_arrived_is_only_unconfirmed()
    {
        var node = Trail("site-1", Sent(1, "FitReply", "aa"), Sent(1, "SecAggMaskedInput", "cc"));
        var coordinator = Trail("coordinator", Received("site-1", 1, "FitReply", "aa"));

        var result = AuditComparison.Compare(node, coordinator, "s");

        Assert.True(result.Consistent);
        Assert.Equal("SecAggMaskedInput", Assert.Single(result.Unconfirmed).Type);
    }

    [Fact]
    public void Messages_of_other_sites_and_other_studies_are_left_out()
    {
        var node = Trail("site-1", Sent(1, "FitReply", "aa"));
        var coordinator = Trail("coordinator", Received("site-2", 1, "FitReply", "zz"), Received("site-1", 1, "FitReply", "aa", study: "other"));

        var result = AuditComparison.Compare(node, coordinator, "s");

        Assert.True(result.Consistent);
        Assert.Empty(result.Matched);
    }

    private static List<AuditEntry> Trail(string service, params Func<string, AuditEntry>[] entries) => entries.Select(e => e(service)).ToList();

    private static Func<string, AuditEntry> Sent(int round, string type, string hash) =>
        service => Entry(service, AuditKinds.MessageSent, "s", round, ("type", type), ("sha256", hash), ("bytes", "10"));

    private static Func<string, AuditEntry> Received(string site, int round, string type, string hash, string study = "s") =>
        service => Entry(service, AuditKinds.MessageReceived, study, round, ("site", site), ("type", type), ("sha256", hash), ("bytes", "10"));

    private static AuditEntry Entry(string service, string kind, string study, int round, params (string, string)[] data) =>
        new(1, "t", service, kind, study, round, data.ToImmutableSortedDictionary(d => d.Item1, d => d.Item2, StringComparer.Ordinal), "", "", "");
}
