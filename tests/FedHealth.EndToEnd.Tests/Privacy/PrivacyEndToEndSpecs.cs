using System.Text.Json.Nodes;
using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Privacy;

public sealed class PrivacyEndToEndSpecs
{
    [Fact]
    public async Task The_default_run_is_differentially_private_at_a_stated_epsilon_and_keeps_a_ledger()
    {
        var output = FedHealthProcess.TempFolder();

        var run = await FedHealthProcess.RunAsync("sim", "--rounds", "5", "--json", "--out", output);

        Assert.True(run.ExitCode == 0, run.StdErr);
        var report = run.Json;
        Assert.Equal("record", report["config"]!["dp"]!.GetValue<string>());
        Assert.Equal(4.0, report["config"]!["target_epsilon"]!.GetValue<double>());
        var perRound = report["rounds"]!.AsArray().Select(r => r!["epsilon_record"]!.GetValue<double>()).ToList();
        Assert.Equal(perRound.Order(), perRound);
        Assert.InRange(perRound[^1], 0.5, 4.0);
        Assert.Null(report["rounds"]![0]!["epsilon_site"]);
        Assert.Equal(1e-3, report["rounds"]![0]!["delta"]!.GetValue<double>());
        Assert.Equal(perRound[^1], report["epsilon_record"]!.GetValue<double>());
        Assert.True(File.Exists(Path.Combine(output, "privacy-ledger.json")));
        Assert.Contains("differential privacy: record-level DP-SGD", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_budget_stops_a_run_that_would_exceed_it()
    {
        var run = await FedHealthProcess.RunAsync(
            "sim", "--dp", "site", "--noise-multiplier", "2", "--max-epsilon", "3", "--rounds", "20", "--json", "--out", FedHealthProcess.TempFolder());

        Assert.True(run.ExitCode == 0, run.StdErr);
        var report = run.Json;
        Assert.Equal("budget_exhausted", report["status"]!.GetValue<string>());
        var rounds = report["rounds"]!.AsArray();
        Assert.InRange(rounds.Count, 1, 19);
        Assert.True(report["epsilon_site"]!.GetValue<double>() <= 3.0);
        Assert.Contains("would be exceeded", report["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_kinds_of_dp_report_both_epsilons()
    {
        var run = await FedHealthProcess.RunAsync("sim", "--dp", "both", "--target-epsilon", "8", "--rounds", "3", "--json", "--out", FedHealthProcess.TempFolder());

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.InRange(run.Json["epsilon_site"]!.GetValue<double>(), 0.1, 8.0);
        Assert.InRange(run.Json["epsilon_record"]!.GetValue<double>(), 0.1, 8.0);
    }

    [Fact]
    public async Task Site_level_dp_under_secure_aggregation_is_distributed_dp_charged_for_the_noise_present()
    {
        var output = FedHealthProcess.TempFolder();

        var run = await FedHealthProcess.RunAsync("sim", "--dp", "site", "--target-epsilon", "8", "--rounds", "3", "--json", "--out", output);

        Assert.True(run.ExitCode == 0, run.StdErr);
        var report = run.Json;
        Assert.Equal("completed", report["status"]!.GetValue<string>());
        Assert.True(report["config"]!["secure_aggregation"]!.GetValue<bool>());
        Assert.All(report["rounds"]!.AsArray(), r => Assert.True(r!["secure_aggregation"]!.GetValue<bool>()));
        Assert.InRange(report["epsilon_site"]!.GetValue<double>(), 0.1, 8.0);
        var ledger = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "privacy-ledger.json")))!;
        var entries = ledger["entries"]!.AsArray();
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal("distributed_discrete_gaussian", e!["mechanism"]!["kind"]!.GetValue<string>());
            Assert.Equal(4, e["mechanism"]!["contributors"]!.GetValue<int>());
        });
        Assert.Contains("distributed", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Site_level_dp_with_adaptive_clipping_completes_within_its_budget()
    {
        var run = await FedHealthProcess.RunAsync("sim", "--dp", "site", "--clip", "adaptive", "--target-epsilon", "8", "--rounds", "3", "--json", "--out", FedHealthProcess.TempFolder());

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.False(run.Json["config"]!["secure_aggregation"]!.GetValue<bool>()); // adaptive clipping runs with central DP
        Assert.Equal("adaptive", run.Json["config"]!["clip"]!.GetValue<string>());
        Assert.InRange(run.Json["epsilon_site"]!.GetValue<double>(), 0.1, 8.0);
    }

    [Fact]
    public async Task Privacy_epsilon_reproduces_the_published_reference_point()
    {
        var run = await FedHealthProcess.RunAsync("privacy", "epsilon", "--noise-multiplier", "1.3", "--sampling-rate", "0.0025", "--steps", "6000", "--delta", "1e-5", "--json");

        Assert.True(run.ExitCode == 0, run.StdErr);
        var result = JsonNode.Parse(run.StdOut)!;
        Assert.Equal(0.7242, result["epsilon"]!.GetValue<double>(), 4);
        Assert.Equal(19, result["order"]!.GetValue<double>());
        Assert.Equal(1e-5, result["delta"]!.GetValue<double>());
    }

    [Fact]
    public async Task Privacy_noise_inverts_the_accountant()
    {
        var run = await FedHealthProcess.RunAsync("privacy", "noise", "--target-epsilon", "2", "--sampling-rate", "0.01", "--steps", "1000", "--delta", "1e-5", "--json");

        Assert.True(run.ExitCode == 0, run.StdErr);
        var result = JsonNode.Parse(run.StdOut)!;
        Assert.True(result["epsilon"]!.GetValue<double>() <= 2.0);
        var sigma = result["noise_multiplier"]!.GetValue<double>();
        var slightlyLess = await FedHealthProcess.RunAsync("privacy", "epsilon", "--noise-multiplier", (sigma * 0.99).ToString(System.Globalization.CultureInfo.InvariantCulture), "--sampling-rate", "0.01", "--steps", "1000", "--delta", "1e-5", "--json");
        Assert.True(JsonNode.Parse(slightlyLess.StdOut)!["epsilon"]!.GetValue<double>() > 2.0);
    }

    [Fact]
    public async Task A_second_run_into_the_same_folder_is_refused_so_no_ledger_or_report_is_lost()
    {
        var output = FedHealthProcess.TempFolder();
        var first = await FedHealthProcess.RunAsync("sim", "--rounds", "1", "--json", "--out", output);
        var ledger = File.ReadAllText(Path.Combine(output, "privacy-ledger.json"));

        var second = await FedHealthProcess.RunAsync("sim", "--rounds", "1", "--json", "--out", output);

        Assert.Equal(0, first.ExitCode);
        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains("already holds a run", second.StdErr, StringComparison.Ordinal);
        Assert.Equal(ledger, File.ReadAllText(Path.Combine(output, "privacy-ledger.json")));
    }

    public static TheoryData<string[], string> BadInput => new()
    {
        { ["privacy", "epsilon", "--noise-multiplier", "0", "--sampling-rate", "0.1", "--steps", "10", "--delta", "1e-5"], "noise" },
        { ["privacy", "epsilon", "--noise-multiplier", "1", "--sampling-rate", "1.5", "--steps", "10", "--delta", "1e-5"], "sampling" },
        { ["privacy", "epsilon", "--noise-multiplier", "1", "--sampling-rate", "0.1", "--steps", "10", "--delta", "1"], "delta" },
        { ["privacy", "noise", "--target-epsilon", "0.000001", "--sampling-rate", "1", "--steps", "100000", "--delta", "1e-10"], "ε" },
        { ["sim", "--dp", "off", "--target-epsilon", "2"], "--dp" },
        { ["sim", "--dp", "record", "--delta", "2"], "--delta" },
        { ["sim", "--dp", "record", "--target-epsilon", "2", "--noise-multiplier", "1"], "not both" },
        { ["sim", "--dp", "sometimes"], "sometimes" },
        { ["sim", "--dp", "record", "--clip", "adaptive"], "site-level" },
        { ["sim", "--dp", "site", "--clip", "-1"], "--clip" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_privacy_input_is_refused_with_a_clear_error(string[] args, string expected)
    {
        (await FedHealthProcess.RunAsync(args)).AssertRefusedWith(expected);
    }
}
