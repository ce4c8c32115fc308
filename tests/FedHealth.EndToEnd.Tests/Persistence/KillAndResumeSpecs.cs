using FedHealth.EndToEnd.Tests.Support;

namespace FedHealth.EndToEnd.Tests.Persistence;

/// <summary>
/// The real program killed with SIGKILL and started again with the same flags and state
/// (<c>fedhealth bench chaos</c>, a few kills here; the figures with more in docs/durability.md).
/// </summary>
public sealed class KillAndResumeSpecs
{
    [Fact]
    public async Task A_plain_study_killed_at_random_resumes_each_time_and_ends_with_the_models_of_an_uninterrupted_run()
    {
        var run = await FedHealthProcess.RunAsync("bench", "chaos", "--kills", "2", "--rounds", "6", "--json");

        Assert.True(run.ExitCode == 0, run.StdErr);
        var outcome = run.Json;
        // Up to 2 kills: a restart that finishes before its kill time ends the run with fewer.
        var kills = (int)outcome["kills"]!;
        Assert.InRange(kills, 1, 2);
        Assert.Equal($"{kills}/{kills} resumed, 0 rounds lost, 0 doubled", (string)outcome["summary"]!);
        Assert.True((bool)outcome["same_models_as_uninterrupted"]!);
    }

    [Fact]
    public async Task A_study_refuses_a_changed_definition_under_its_id_and_names_the_change()
    {
        var folder = Path.Combine(Path.GetTempPath(), "fedhealth-resume-" + Guid.NewGuid().ToString("N"));
        try
        {
            var state = Path.Combine(folder, "state");
            var first = await FedHealthProcess.RunAsync("sim", "--rounds", "2", "--dp", "off", "--secure-aggregation", "off", "--out", Path.Combine(folder, "a"), "--state", state, "--json");
            Assert.True(first.ExitCode == 0, first.StdErr);

            var again = await FedHealthProcess.RunAsync("sim", "--rounds", "2", "--dp", "off", "--secure-aggregation", "off", "--out", Path.Combine(folder, "a"), "--state", state, "--json");
            again.AssertRefusedWith("has already ended (completed)");

            var changed = await FedHealthProcess.RunAsync("sim", "--rounds", "3", "--dp", "off", "--secure-aggregation", "off", "--out", Path.Combine(folder, "b"), "--state", state, "--json");
            changed.AssertRefusedWith("Rounds: 2 → 3");
            Assert.Equal(2, again.ExitCode);

            var listed = await FedHealthProcess.RunAsync("studies", "list", "--state", state, "--json");
            Assert.True(listed.ExitCode == 0, listed.StdErr);
            Assert.Contains("\"status\": \"completed\"", listed.StdOut, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
