using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Models;

/// <summary>A sim run leaves its model, manifest, card and figures; the registry lists, shows and diffs them.</summary>
public sealed class ModelRegistrySpecs
{
    [Fact]
    public async Task A_sim_run_leaves_its_model_card_and_figures_and_models_list_show_and_diff_describe_them()
    {
        var runs = FedHealthProcess.TempFolder();
        var synthetic = await Sim(Path.Combine(runs, "a"), "--lr", "0.01");
        var faster = await Sim(Path.Combine(runs, "b"), "--lr", "0.05");
        var model = Path.Combine(runs, "a", "model");

        Assert.True(File.Exists(Path.Combine(model, synthetic + ".json")));
        Assert.True(File.Exists(Path.Combine(model, synthetic + ".f32")));
        foreach (var file in new[] { "model-card.md", "model-card.html", "learning-curve.png", "roc.png" })
        {
            Assert.True(new FileInfo(Path.Combine(model, file)).Length > 0, file);
        }

        var list = await FedHealthProcess.RunAsync("models", "list", "--from", runs, "--json");
        Assert.True(list.ExitCode == 0, list.StdErr);
        Assert.Equal([faster, synthetic], System.Text.Json.Nodes.JsonNode.Parse(list.StdOut)!.AsArray().Select(m => m!["id"]!.GetValue<string>()));

        var show = await FedHealthProcess.RunAsync("models", "show", synthetic[..10], "--from", runs, "--json");
        Assert.True(show.ExitCode == 0, show.StdErr);
        Assert.Equal(synthetic, show.Json["id"]!.GetValue<string>());
        Assert.Equal("per_site", show.Json["preprocessing"]!["mode"]!.GetValue<string>());

        var diff = await FedHealthProcess.RunAsync("models", "diff", synthetic, faster, "--from", runs, "--json");
        Assert.True(diff.ExitCode == 0, diff.StdErr);
        Assert.Equal("0.05", diff.Json["differences"]!["training.lr"]!["right"]!.GetValue<string>());
        Assert.True(diff.Json["weight_distance"]!.GetValue<double>() > 0);
    }

    [Fact]
    public async Task The_lineage_walks_from_the_initial_weights_to_the_final_model_through_kept_checkpoints()
    {
        var folder = FedHealthProcess.TempFolder();
        var final = await Sim(folder);
        var model = Path.Combine(folder, "model");
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(model, final + ".json")))!;
        var rounds = manifest["rounds"]!.AsArray();

        Assert.Equal(2, rounds.Count);
        var parent = rounds[0]!["parent_hash"]!.GetValue<string>();
        Assert.True(File.Exists(Path.Combine(model, "checkpoints", parent + ".f32")), "the initial weights are kept as the lineage's root");
        foreach (var round in rounds)
        {
            Assert.Equal(parent, round!["parent_hash"]!.GetValue<string>());
            var hash = round["model_hash"]!.GetValue<string>();
            var checkpoint = Path.Combine(model, round["checkpoint_file"]!.GetValue<string>());
            Assert.Equal(hash + ".f32", Path.GetFileName(checkpoint));
            Assert.Equal(new FileInfo(Path.Combine(model, final + ".f32")).Length, new FileInfo(checkpoint).Length);
            parent = hash;
        }

        Assert.Equal(final, parent);
    }

    private static async Task<string> Sim(string folder, params string[] args)
    {
        var run = await FedHealthProcess.RunAsync(["sim", "--rounds", "2", "--sites", "2", "--dp", "off", "--json", "--out", folder, .. args]);
        Assert.True(run.ExitCode == 0, run.StdErr);
        return run.Json["final"]!["model_hash"]!.GetValue<string>();
    }
}
