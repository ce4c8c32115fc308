using System.Text.Json.Nodes;
using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Models;

/// <summary><c>sim --init ID</c> starts a new study from a stored model; <c>--checkpoint-every N</c> keeps every N-th round.</summary>
public sealed class WarmStartSpecs
{
    [Fact]
    public async Task A_study_started_with_init_descends_from_the_stored_model()
    {
        var runs = FedHealthProcess.TempFolder();
        var first = await Sim(Path.Combine(runs, "first"));

        var second = await FedHealthProcess.RunAsync(["sim", "--rounds", "2", "--sites", "3", "--dp", "off", "--json", "--out", Path.Combine(runs, "second"), "--init", first[..10], "--init-from", runs]);

        Assert.True(second.ExitCode == 0, second.StdErr);
        var id = second.Json["final"]!["model_hash"]!.GetValue<string>();
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(runs, "second", "model", id + ".json")))!;
        Assert.Equal(first, manifest["rounds"]![0]!["parent_hash"]!.GetValue<string>());
        Assert.Equal(first[..10], second.Json["config"]!["init"]!.GetValue<string>());
    }

    [Fact]
    public async Task Init_refuses_a_model_that_does_not_fit_the_study_and_leaves_nothing_behind()
    {
        var runs = FedHealthProcess.TempFolder();
        var first = await Sim(Path.Combine(runs, "first"));
        var refused = Path.Combine(runs, "refused");

        (await FedHealthProcess.RunAsync("sim", "--rounds", "1", "--sites", "3", "--model", "mlp", "--out", refused, "--init", first, "--init-from", runs))
            .AssertRefusedWith("--init: model " + first[..12] + " is a logistic regression, but this study trains an MLP");
        (await FedHealthProcess.RunAsync("sim", "--rounds", "1", "--sites", "3", "--out", refused, "--init", "abcdef0123", "--init-from", runs))
            .AssertRefusedWith("--init: No model 'abcdef0123'");
        Assert.False(File.Exists(Path.Combine(refused, "report.json")));
    }

    [Fact]
    public async Task Checkpoint_every_two_keeps_rounds_two_and_four_and_the_initial_weights()
    {
        var folder = FedHealthProcess.TempFolder();
        var final = await Sim(folder, rounds: 4, "--checkpoint-every", "2");
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "model", final + ".json")))!;

        var kept = manifest["rounds"]!.AsArray().Select(r => r!["checkpoint_file"] is null ? 0 : r["round"]!.GetValue<int>()).Where(r => r > 0);
        Assert.Equal([2, 4], kept);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(folder, "model", "checkpoints"), "*.f32").Length);
    }

    private static async Task<string> Sim(string folder, int rounds = 2, params string[] args)
    {
        var run = await FedHealthProcess.RunAsync(["sim", "--rounds", rounds.ToString(System.Globalization.CultureInfo.InvariantCulture), "--sites", "3", "--dp", "off", "--json", "--out", folder, .. args]);
        Assert.True(run.ExitCode == 0, run.StdErr);
        return run.Json["final"]!["model_hash"]!.GetValue<string>();
    }
}
