using FedHealth.Coordinator.Persistence;
using FedHealth.Coordinator.Rounds;
using FedHealth.Coordinator.Tests.Support;

namespace FedHealth.Coordinator.Tests.Persistence;

public sealed class StudyStateSpecs
{
    private static readonly StudyDefined Defined = new(StudyState.SchemaVersion, "s", StudyDefinition.Unspecified, new string('0', 64));

    [Fact]
    public void A_round_is_charged_under_its_own_number_the_first_time_and_beyond_the_study_when_rerun()
    {
        var state = new StudyState();
        state.Apply(Defined);

        Assert.Equal(3, state.LedgerRoundFor(3, totalRounds: 8));
        state.Apply(new RoundCharged(3, 3, [Models.Site("a")], null));
        Assert.Equal(11, state.LedgerRoundFor(3, totalRounds: 8));
        state.Apply(new RoundCharged(3, 11, [Models.Site("a")], null));
        Assert.Equal(19, state.LedgerRoundFor(3, totalRounds: 8));
    }

    [Fact]
    public void Charges_of_rounds_that_never_committed_are_the_interrupted_ones()
    {
        var state = new StudyState();
        state.Apply(Defined);
        state.Apply(new RoundCharged(1, 1, [Models.Site("a")], null));
        state.Apply(new RoundCommitted(Record(1), null));
        state.Apply(new RoundCharged(2, 2, [Models.Site("a")], null));

        Assert.Equal(1, state.LastCommittedRound);
        Assert.Equal([2], state.Interrupted.Select(c => c.Round));
    }

    [Fact]
    public void A_snapshot_restores_everything_the_events_had_built()
    {
        var state = new StudyState();
        state.Apply(Defined);
        state.Apply(new RoundCharged(1, 1, [Models.Site("a")], null));
        state.Apply(new RoundCommitted(Record(1), null));
        state.Apply(new StudyEnded("completed", null));

        var restored = new StudyState();
        restored.Apply(state.ToSnapshot());

        Assert.Equal(Defined, restored.Definition);
        Assert.Equal(state.Records, restored.Records);
        Assert.Equal(state.Charges, restored.Charges);
        Assert.Equal("completed", restored.Ended!.Status);
    }

    internal static RoundRecord Record(int round) =>
        new(round, [Models.Site("a")], [Models.Site("a")], [], true, null, 0.5, null, 10, 5, 5, new string('1', 64));
}
