using FedHealth.Coordinator.Composition;
using FedHealth.Coordinator.Study;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Hosting.Persistence;

namespace FedHealth.Coordinator.Tests.Persistence;

/// <summary>
/// A study recovered from the journal, run once per provider (<see cref="SqliteStudyRecoverySpecs"/>,
/// <see cref="PostgresStudyRecoverySpecs"/>): each spec gets a fresh state.
/// </summary>
public abstract class StudyRecoverySpecs : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fedhealth-recovery-" + Guid.NewGuid().ToString("N"));

    protected string Folder => _folder;

    /// <summary>A fresh, empty state of this provider, its models in <paramref name="directory"/>.</summary>
    protected abstract StateStoreOptions NewState(string directory);

    private StateStoreOptions? _state;

    private StateStoreOptions State => _state ??= NewState(Path.Combine(_folder, "state"));

    private string Ledger => Path.Combine(_folder, "out");

    private static StudyRequest Request(int rounds = 4) =>
        StudyRequest.Default with { Id = "durable", Rounds = rounds, Dp = "off", SecureAggregation = false, MinFitSites = 3 };

    [Fact]
    public async Task A_study_stopped_in_the_training_of_round_3_resumes_at_round_3_with_the_model_of_round_2()
    {
        using (var gated = new GatedTrainer(blockAt: 2))
        {
            await using var crashed = await PersistedFederation.StartAsync(State, Request(), gated, Ledger);
            await crashed.StartStudyAsync();
            await gated.Reached;
        }

        var resumed = new List<int>();
        await using var restarted = await PersistedFederation.StartAsync(State, Request(), new ArithmeticTrainer(), Ledger);
        var result = await restarted.RunAsync(new Progress<RoundFinished>(r => { lock (resumed) { resumed.Add(r.Record.Round); } }));

        Assert.Equal(StudyStatus.Completed, result.Status);
        Assert.Equal([1, 2, 3, 4], result.Rounds.Select(r => r.Round));
        // Each fit adds 1: four committed rounds from 0 give 4, as an uninterrupted run does.
        Assert.Equal([4f, 4f, 4f], result.FinalWeights.Flat.ToArray());
        Assert.Equal(result.FinalWeights.ContentHash(), result.Rounds[^1].ModelHash);
    }

    [Fact]
    public async Task An_uninterrupted_run_and_a_resumed_run_end_with_the_same_model()
    {
        var uninterrupted = Path.Combine(_folder, "uninterrupted");
        StudyResult expected;
        await using (var once = await PersistedFederation.StartAsync(NewState(uninterrupted), Request(), new ArithmeticTrainer(), Path.Combine(uninterrupted, "out")))
        {
            expected = await once.RunAsync();
        }

        using (var gated = new GatedTrainer(blockAt: 3))
        {
            await using var crashed = await PersistedFederation.StartAsync(State, Request(), gated, Ledger);
            await crashed.StartStudyAsync();
            await gated.Reached;
        }

        await using var restarted = await PersistedFederation.StartAsync(State, Request(), new ArithmeticTrainer(), Ledger);
        var result = await restarted.RunAsync();

        Assert.Equal(expected.Rounds.Select(r => r.ModelHash), result.Rounds.Select(r => r.ModelHash));
        Assert.Equal(expected.FinalWeights, result.FinalWeights);
    }

    [Fact]
    public async Task A_changed_definition_under_the_same_study_id_is_refused_naming_what_changed()
    {
        using (var gated = new GatedTrainer(blockAt: 1))
        {
            await using var crashed = await PersistedFederation.StartAsync(State, Request(), gated, Ledger);
            await crashed.StartStudyAsync();
            await gated.Reached;
        }

        await using var restarted = await PersistedFederation.StartAsync(State, Request() with { LearningRate = 0.5 }, new ArithmeticTrainer(), Ledger);
        var refused = await Assert.ThrowsAsync<StudyRequestException>(() => restarted.RunAsync());

        Assert.Contains("LearningRate: 0.01 → 0.5", refused.Message, StringComparison.Ordinal);
        Assert.Contains("durable", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_study_that_ended_is_not_run_again_on_the_same_state()
    {
        StudyResult first;
        await using (var once = await PersistedFederation.StartAsync(State, Request(rounds: 2), new ArithmeticTrainer(), Ledger))
        {
            first = await once.RunAsync();
        }

        await using var again = await PersistedFederation.StartAsync(State, Request(rounds: 2), new ArithmeticTrainer(), Ledger);
        // The host's output already holds its report: refused.
        var refused = await Assert.ThrowsAsync<StudyRequestException>(() => again.RunAsync(start: new StartStudy { RefuseFreshStart = "the output holds a run" }));
        // Killed between the end and the report: the same result again, no round run twice.
        var reported = await again.RunAsync();

        Assert.Contains("has already ended (completed)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(StudyStatus.Completed, reported.Status);
        Assert.Equal(first.Rounds.Select(r => r.ModelHash), reported.Rounds.Select(r => r.ModelHash));
        Assert.Equal(first.FinalWeights, reported.FinalWeights);
    }

    [Fact]
    public async Task A_study_recovers_from_a_snapshot_and_the_events_after_it()
    {
        // Snapshots every 3 committed rounds (PersistedFederation): 5 rounds, stopped in round 5's training.
        using (var gated = new GatedTrainer(blockAt: 4))
        {
            await using var crashed = await PersistedFederation.StartAsync(State, Request(rounds: 6), gated, Ledger);
            await crashed.StartStudyAsync();
            await gated.Reached;
        }

        await using var restarted = await PersistedFederation.StartAsync(State, Request(rounds: 6), new ArithmeticTrainer(), Ledger);
        var result = await restarted.RunAsync();

        Assert.Equal([1, 2, 3, 4, 5, 6], result.Rounds.Select(r => r.Round));
        Assert.Equal([6f, 6f, 6f], result.FinalWeights.Flat.ToArray());
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
