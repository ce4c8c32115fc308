using System.Text.Json.Nodes;
using FedHealth.EndToEnd.Tests.Support;
using FedHealth.Simulation.Processes;
using static FedHealth.EndToEnd.Tests.Federation.FederationFixtures;

namespace FedHealth.EndToEnd.Tests.Audit;

/// <summary>
/// A federation of real processes keeps one audit trail per service; the CLI exports, verifies and
/// cross-checks them. One site's own policy allows fewer local steps than the study asks: its
/// refusal is a round failure with its reason in report.json and on the site's trail.
/// </summary>
[Collection(FedHealth.EndToEnd.Tests.Federation.LocalFederationCollection.Name)]
public sealed class AuditTrailEndToEndSpecs
{
    private static readonly Lazy<Task<Run>> Shared = new(RunAsync);

    [Fact]
    public async Task Every_service_exports_a_trail_that_verifies_against_the_consortium_CA()
    {
        var run = await Shared.Value;

        foreach (var export in new[] { run.Coordinator, run.Site0, run.Refusing })
        {
            var verify = await FedHealthProcess.RunAsync("audit", "verify", export, "--ca", run.CaCertificate);
            Assert.True(verify.ExitCode == 0, Flat(verify.StdErr) + Flat(verify.StdOut));
            Assert.Contains("intact", Flat(verify.StdOut), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task What_a_site_says_it_sent_is_what_the_coordinator_says_it_received()
    {
        var run = await Shared.Value;

        var compare = await FedHealthProcess.RunAsync("audit", "compare", run.Site0, run.Coordinator, "--study", StudyId);

        Assert.True(compare.ExitCode == 0, Flat(compare.StdErr) + Flat(compare.StdOut));
        Assert.Matches(@"[1-9]\d* messages sent and received byte for byte", Flat(compare.StdOut));
        Assert.Contains("0 recorded by the coordinator but never sent", Flat(compare.StdOut), StringComparison.Ordinal);
        Assert.Contains("the site charged itself for 2 rounds", Flat(compare.StdOut), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_the_coordinator_claims_to_have_received_with_other_bytes_is_a_contradiction()
    {
        var run = await Shared.Value;
        var forged = Path.Combine(Path.GetDirectoryName(run.Coordinator)!, "coordinator-claims.jsonl");
        File.WriteAllLines(forged, File.ReadAllLines(run.Coordinator).Select(line =>
            line.Contains("\"message.received\"", StringComparison.Ordinal) && line.Contains("\"site\":\"0\"", StringComparison.Ordinal)
                ? System.Text.RegularExpressions.Regex.Replace(line, "\"sha256\":\"[0-9a-f]{8}", "\"sha256\":\"00000000")
                : line));

        var compare = await FedHealthProcess.RunAsync("audit", "compare", run.Site0, forged, "--study", StudyId);

        // The edited coordinator trail no longer verifies, so it is refused before any comparison.
        Assert.Equal(1, compare.ExitCode);
        Assert.Contains("not intact", Flat(compare.StdErr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_line_of_an_export_is_named_by_verify()
    {
        var run = await Shared.Value;
        var lines = File.ReadAllLines(run.Site0);
        var charged = Array.FindIndex(lines, l => l.Contains("\"privacy.charged\"", StringComparison.Ordinal) || l.Contains("\"message.sent\"", StringComparison.Ordinal));
        lines[charged] = lines[charged].Replace("\"bytes\":\"", "\"bytes\":\"1", StringComparison.Ordinal);
        var edited = Path.Combine(Path.GetDirectoryName(run.Site0)!, "site-0-edited.jsonl");
        File.WriteAllLines(edited, lines);

        var verify = await FedHealthProcess.RunAsync("audit", "verify", edited);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains($"entry {charged + 1} ", Flat(verify.StdErr), StringComparison.Ordinal);
        Assert.Contains("edited", Flat(verify.StdErr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_whose_policy_refuses_the_local_steps_fails_each_round_with_the_reason_in_the_report_and_on_its_trail()
    {
        var run = await Shared.Value;

        foreach (var round in run.Report["rounds"]!.AsArray())
        {
            var failures = round!["failures"]!.AsArray().Select(f => f!.ToJsonString()).ToList();
            Assert.Contains(failures, f => f.Contains("\"2\"", StringComparison.Ordinal) && f.Contains("refused by the site", StringComparison.Ordinal)
                && f.Contains("steps", StringComparison.Ordinal));
        }

        var refused = File.ReadAllLines(run.Refusing).Where(l => l.Contains("\"instruction.refused\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, refused.Count);
        Assert.DoesNotContain(File.ReadAllLines(run.Refusing), l => l.Contains("\"privacy.charged\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_trail_holds_a_key_or_a_password()
    {
        var run = await Shared.Value;
        var secrets = Directory.GetFiles(run.Pki, "*.pass", SearchOption.AllDirectories).Select(File.ReadAllText).Select(s => s.Trim()).ToList();
        secrets.AddRange(Directory.GetFiles(run.Work, "audit-signing.key", SearchOption.AllDirectories).Select(f => Convert.ToHexStringLower(File.ReadAllBytes(f))));

        Assert.NotEmpty(secrets);
        foreach (var export in new[] { run.Coordinator, run.Site0, run.Refusing })
        {
            var text = File.ReadAllText(export);
            Assert.DoesNotContain(secrets, s => text.Contains(s, StringComparison.Ordinal));
        }
    }

    private const string StudyId = "heart-processes";

    /// <summary>The terminal wraps long lines: compare the words, not the line breaks.</summary>
    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private static async Task<Run> RunAsync()
    {
        var sites = new[] { HeartSite("0", "0"), HeartSite("1", "1"), HeartSite("2", "2") with { Training = new JsonObject { ["MaxLocalSteps"] = 5 } } };
        var study = Study(rounds: 2, localSteps: 20);
        study["Dp"] = "record";
        study["TargetEpsilon"] = 4;
        study["Delta"] = 0.001;
        study["Clip"] = 1.0;
        study["SamplingRate"] = 0.05;
        var spec = Spec(sites, study);
        await using var federation = LocalFederation.Prepare(spec);
        await federation.StartAsync();
        var result = await federation.WaitForCompletionAsync();
        Assert.True(result.Status == "completed", $"status {result.Status}, exit {result.ExitCode}; {File.ReadAllText(result.CoordinatorLog)}");
        var exports = Path.Combine(federation.WorkFolder, "exports");
        async Task<string> Export(string config, string name)
        {
            var path = Path.Combine(exports, name);
            var export = await FedHealthProcess.RunAsync("audit", "export", "--config", config, "--out", path);
            Assert.True(export.ExitCode == 0, export.StdErr);
            return path;
        }

        return new Run(
            await Export(federation.CoordinatorConfigPath, "coordinator.jsonl"),
            await Export(federation.NodeConfigPath("0"), "site-0.jsonl"),
            await Export(federation.NodeConfigPath("2"), "site-2.jsonl"),
            result.Report!,
            Path.Combine(federation.WorkFolder, "pki", "ca", "ca.crt.pem"),
            Path.Combine(federation.WorkFolder, "pki"),
            federation.WorkFolder);
    }

    private sealed record Run(string Coordinator, string Site0, string Refusing, JsonObject Report, string CaCertificate, string Pki, string Work);
}
