using System.Text.Json.Nodes;
using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.SecureAggregation;

public sealed class SecureAggregationEndToEndSpecs
{
    [Fact]
    public async Task Heart_disease_reaches_the_same_accuracy_with_and_without_secure_aggregation()
    {
        string[] common = ["sim", "--data", Paths.SharedData("heart-disease", "heart_disease_flamby.csv"), "--site-column", "center",
            "--split-column", "flamby_split", "--label", "target", "--dp", "off", "--normalize", "site", "--rounds", "10", "--json"];

        var plain = await FedHealthProcess.RunAsync([.. common, "--secure-aggregation", "off", "--out", FedHealthProcess.TempFolder()]);
        var secure = await FedHealthProcess.RunAsync([.. common, "--secure-aggregation", "on", "--out", FedHealthProcess.TempFolder()]);

        Assert.True(plain.ExitCode == 0, plain.StdErr);
        Assert.True(secure.ExitCode == 0, secure.StdErr);
        Assert.False(plain.Json["rounds"]![0]!["secure_aggregation"]!.GetValue<bool>());
        Assert.True(secure.Json["rounds"]![0]!["secure_aggregation"]!.GetValue<bool>());
        var difference = Math.Abs(
            plain.Json["final"]!["mean_site_accuracy"]!.GetValue<double>() - secure.Json["final"]!["mean_site_accuracy"]!.GetValue<double>());
        Assert.True(difference <= 0.01, $"accuracy differs by {difference}");
    }

    [Fact]
    public async Task Secure_aggregation_is_on_by_default_with_three_or_more_sites_and_reports_dropouts()
    {
        var run = await FedHealthProcess.RunAsync("sim", "--sites", "7", "--dropout", "0.15", "--rounds", "3", "--json", "--out", FedHealthProcess.TempFolder());

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.True(run.Json["config"]!["secure_aggregation"]!.GetValue<bool>());
        var rounds = run.Json["rounds"]!.AsArray();
        Assert.All(rounds, r => Assert.True(r!["secure_aggregation"]!.GetValue<bool>()));
        var dropped = rounds.SelectMany(r => r!["sites_dropped"]!.AsArray()).ToList();
        Assert.All(dropped, d => Assert.False(string.IsNullOrEmpty(d!["stage"]!.GetValue<string>())));
        Assert.All(rounds, r => Assert.True(r!["model_updated"]!.GetValue<bool>() || r["aborted"] is not null));
    }

    [Fact]
    public async Task The_secagg_benchmark_reports_a_correct_sum_and_the_floor()
    {
        var run = await FedHealthProcess.RunAsync("bench", "secagg", "--sites", "10", "--params", "2000", "--dropout", "0.1", "--json");

        Assert.True(run.ExitCode == 0, run.StdErr);
        var result = JsonNode.Parse(run.StdOut)!;
        Assert.True(result["sum_correct"]!.GetValue<bool>());
        Assert.True(result["floor_ms"]!.GetValue<double>() > 0);
        Assert.Equal(10, result["sites"]!.GetValue<int>());
    }

    [Fact]
    public async Task Pooled_statistics_from_the_secure_sum_let_the_heart_disease_hospitals_learn_a_better_model_than_their_own()
    {
        string[] data = ["--data", Paths.SharedData("heart-disease", "heart_disease_flamby.csv"), "--site-column", "center", "--split-column", "flamby_split", "--label", "target", "--dp", "off", "--json"];

        var federated = await FedHealthProcess.RunAsync(["sim", .. data, "--out", FedHealthProcess.TempFolder()]);
        var own = await FedHealthProcess.RunAsync(["sim", .. data, "--normalize", "site", "--out", FedHealthProcess.TempFolder()]);

        Assert.True(federated.ExitCode == 0, federated.StdErr);
        Assert.True(own.ExitCode == 0, own.StdErr);
        Assert.Equal("federated", federated.Json["config"]!["normalize"]!.GetValue<string>());
        Assert.Equal("site", own.Json["config"]!["normalize"]!.GetValue<string>());
        Assert.Equal(4, federated.Json["statistics"]!["contributors"]!.GetValue<int>());
        Assert.Null(own.Json["statistics"]);
        var pooledAccuracy = federated.Json["final"]!["mean_site_accuracy"]!.GetValue<double>();
        var ownAccuracy = own.Json["final"]!["mean_site_accuracy"]!.GetValue<double>();
        Assert.True(pooledAccuracy >= 0.77, $"mean site accuracy with pooled statistics {pooledAccuracy} < 0.77");
        Assert.True(pooledAccuracy > ownAccuracy + 0.03, $"pooled {pooledAccuracy} vs own {ownAccuracy}");
    }

    public static TheoryData<string[], string> BadInput => new()
    {
        { ["sim", "--sites", "2", "--secure-aggregation", "on"], "at least 3 sites" },
        { ["sim", "--dropout", "1.5"], "--dropout" },
        { ["sim", "--secure-aggregation", "off", "--dropout", "0.2"], "--secure-aggregation on" },
        { ["sim", "--dp", "site", "--clip", "adaptive", "--secure-aggregation", "on"], "adaptive" },
        { ["sim", "--normalize", "federated", "--secure-aggregation", "off"], "--normalize" },
        { ["sim", "--normalize", "pooled"], "pooled" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_secure_aggregation_input_is_refused_with_a_clear_error(string[] args, string expected)
    {
        (await FedHealthProcess.RunAsync(args)).AssertRefusedWith(expected);
    }
}
