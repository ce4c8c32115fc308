using FedHealth.Coordinator.Aggregation;
using FedHealth.Coordinator.Rounds;

namespace FedHealth.Coordinator.Persistence;

/// <summary>
/// What the journal says about one study, rebuilt event by event (in recovery) and kept up to date
/// as events are persisted: its definition, its committed rounds, every charge, the server
/// optimiser's state, and its end. Pure: the study actor owns one.
/// </summary>
public sealed class StudyState
{
    /// <summary>The version of the events this build writes; a state with a newer one is refused.</summary>
    public const int SchemaVersion = 1;

    private readonly List<RoundRecord> _records = [];
    private readonly List<RoundCharged> _charges = [];

    public StudyDefined? Definition { get; private set; }

    public IReadOnlyList<RoundRecord> Records => _records;

    public IReadOnlyList<RoundCharged> Charges => _charges;

    public ServerOptimizerState? ServerState { get; private set; }

    public StudyEnded? Ended { get; private set; }

    /// <summary>The last committed round (0 before the first).</summary>
    public int LastCommittedRound => _records.Count == 0 ? 0 : _records[^1].Round;

    /// <summary>Charges of rounds that never committed: attempts a crash interrupted.</summary>
    public IEnumerable<RoundCharged> Interrupted => _charges.Where(c => c.Round > LastCommittedRound);

    public void Apply(IStudyEvent @event)
    {
        switch (@event)
        {
            case StudyDefined defined:
                Definition = defined;
                break;
            case RoundCharged charged:
                _charges.Add(charged);
                break;
            case RoundCommitted committed:
                _records.Add(committed.Record);
                ServerState = committed.ServerState ?? ServerState;
                break;
            case StudyEnded ended:
                Ended = ended;
                break;
            case StudySnapshot snapshot:
                Restore(snapshot);
                break;
            default:
                throw new ArgumentException($"{@event?.GetType().Name} is not a study event.", nameof(@event));
        }
    }

    /// <summary>
    /// The key a round's charge takes in the ledger: its number the first time; a rerun after a
    /// crash is charged again beyond the study's rounds (round r of R, attempt k: k·R + r), so no
    /// charge replaces another.
    /// </summary>
    public int LedgerRoundFor(int round, int totalRounds)
    {
        var attempts = _charges.Count(c => c.Round == round);
        return attempts == 0 ? round : checked((totalRounds * attempts) + round);
    }

    public StudySnapshot ToSnapshot() =>
        new(Definition ?? throw new InvalidOperationException("A study without its definition has no snapshot."), [.. _records], [.. _charges], ServerState, Ended);

    private void Restore(StudySnapshot snapshot)
    {
        Definition = snapshot.Definition;
        _records.Clear();
        _records.AddRange(snapshot.Records);
        _charges.Clear();
        _charges.AddRange(snapshot.Charges);
        ServerState = snapshot.ServerState;
        Ended = snapshot.Ended;
    }
}
