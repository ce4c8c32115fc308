using FedHealth.Coordinator.Privacy;
using FedHealth.Coordinator.Rounds;
using FedHealth.Coordinator.Statistics;
using FedHealth.Core.Ids;
using FedHealth.Core.Strategy;
using FedHealth.Core.Weights;

namespace FedHealth.Coordinator.Study;

/// <summary>
/// What a study has done so far: its committed rounds, the global model they led to and the last
/// evaluation. The study actor owns one; rounds are committed here (with their privacy cost
/// charged first) and the result is read from here.
/// </summary>
internal sealed class StudyProgress(StudyId study, ModelWeights initial, StudyPrivacyAccountant? privacy)
{
    private readonly List<RoundRecord> _records = [];
    private readonly ModelWeights _initial = initial;
    private AggregateEvaluateOutcome? _lastEvaluation;

    public ModelWeights Global { get; private set; } = initial;

    /// <summary>The number of the round started last (1-based).</summary>
    public int Round { get; private set; }

    /// <summary>How many of the last rounds in a row released nothing.</summary>
    public int AbortedInARow => _records.AsEnumerable().Reverse().TakeWhile(r => !r.ModelUpdated).Count();

    public RoundRecord? Last => _records.Count > 0 ? _records[^1] : null;

    public int NextRound() => ++Round;

    /// <summary>
    /// The record of a finished round as it will be committed: with the cumulative ε so far (the
    /// round's own cost was charged write-ahead, before it released anything).
    /// </summary>
    public RoundRecord Completed(RoundCompleted completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        return privacy is null ? completed.Record : completed.Record with { Privacy = privacy.Spent() };
    }

    /// <summary>Takes a committed round (live, or replayed from the journal) and the model it led to.</summary>
    public void Commit(RoundRecord record, ModelWeights global)
    {
        ArgumentNullException.ThrowIfNull(record);
        _records.Add(record);
        Round = record.Round;
        Global = global;
        _lastEvaluation = record.Evaluation ?? _lastEvaluation;
    }

    /// <summary>After recovery: the rounds the journal holds and the model the last of them led to.</summary>
    public void Restore(IReadOnlyList<RoundRecord> records, ModelWeights global)
    {
        ArgumentNullException.ThrowIfNull(records);
        _records.Clear();
        _records.AddRange(records);
        Round = records.Count == 0 ? 0 : records[^1].Round;
        Global = global;
        _lastEvaluation = records.LastOrDefault(r => r.Evaluation is not null)?.Evaluation;
    }

    /// <summary>The record of a round whose actor crashed: nothing released, the model unchanged.</summary>
    public RoundRecord Crashed() =>
        new(Round, [], [], [], false, "the round failed unexpectedly (see the coordinator log)",
            double.NaN, null, 0, 0, 0, Global.ContentHash());

    public StudyResult Result(string status, string? reason, StatisticsSummary? statistics) =>
        new(study, status, reason, [.. _records], Global, _lastEvaluation)
        {
            Privacy = privacy?.Spent(),
            Statistics = statistics,
            InitialWeights = _initial,
        };
}
