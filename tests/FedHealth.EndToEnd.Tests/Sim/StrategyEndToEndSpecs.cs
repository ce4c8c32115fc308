using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Sim;

/// <summary>`sim --strategy`: every strategy runs through the one composition, and the ones a protection forbids are refused before anything trains.</summary>
public sealed class StrategyEndToEndSpecs
{
    [Theory]
    [InlineData("fedadam")]
    [InlineData("fedavgm")]
    [InlineData("fedprox")]
    public async Task A_server_optimiser_or_fedprox_runs_under_secure_aggregation(string strategy)
    {
        var run = await FedHealthProcess.RunAsync("sim", "--strategy", strategy, "--rounds", "3", "--dp", "off", "--json", "--out", FedHealthProcess.TempFolder());

        Assert.True(run.ExitCode == 0, run.StdErr);
        var config = run.Json["config"]!;
        Assert.Equal(strategy, config["strategy"]!.GetValue<string>());
        Assert.True(config["secure_aggregation"]!.GetValue<bool>());
        Assert.False(config["updates_seen_individually"]!.GetValue<bool>());
        Assert.Equal(3, run.Json["rounds_completed"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_robust_strategy_is_refused_under_secure_aggregation_with_what_to_do()
    {
        var run = await FedHealthProcess.RunAsync("sim", "--strategy", "median", "--rounds", "2", "--dp", "off", "--json", "--out", FedHealthProcess.TempFolder());

        run.AssertRefusedWith("--secure-aggregation off");
    }

    [Fact]
    public async Task A_robust_strategy_runs_with_secure_aggregation_off_and_the_report_says_updates_were_seen()
    {
        var run = await FedHealthProcess.RunAsync(
            "sim", "--strategy", "trimmed-mean", "--secure-aggregation", "off", "--rounds", "2", "--dp", "off", "--json", "--out", FedHealthProcess.TempFolder());

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.True(run.Json["config"]!["updates_seen_individually"]!.GetValue<bool>());
        Assert.Equal("completed", run.Json["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_parameter_the_strategy_does_not_take_is_refused_by_name()
    {
        var run = await FedHealthProcess.RunAsync("sim", "--strategy", "fedavg", "--beta1", "0.5", "--dp", "off", "--out", FedHealthProcess.TempFolder());

        run.AssertRefusedWith("--beta1");
    }

    [Fact]
    public async Task A_study_whose_rounds_all_abort_ends_aborted_with_a_failing_exit_code()
    {
        var run = await FedHealthProcess.RunAsync(
            "sim", "--sites", "10", "--dropout", "0.7", "--rounds", "6", "--dp", "off", "--stage-timeout", "1", "--json", "--out", FedHealthProcess.TempFolder());

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal("aborted", run.Json["status"]!.GetValue<string>());
        Assert.Equal(0, run.Json["rounds_completed"]!.GetValue<int>());
        Assert.Equal(3, run.Json["rounds_aborted"]!.GetValue<int>());
    }
}
