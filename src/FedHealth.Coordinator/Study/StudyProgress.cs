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
    /// Commits a finished round: the ledger is saved before the round's model is used or reported.
    /// A round that released nothing spends nothing; it still reports the cumulative ε so far.
    /// </summary>
    public RoundRecord Commit(RoundCompleted completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        var record = completed.Record;
        if (privacy is not null)
        {
            record = record with
            {
                Privacy = record.ModelUpdated ? privacy.Record(record.Round, record.SitesSucceeded, record.DistributedNoise) : privacy.Spent(),
            };
        }

        _records.Add(record);
        Global = completed.Global;
        _lastEvaluation = record.Evaluation ?? _lastEvaluation;
        return record;
    }

    /// <summary>A round whose actor crashed: nothing released, the model unchanged.</summary>
    public RoundRecord Crashed()
    {
        var record = new RoundRecord(Round, [], [], [], false, "the round failed unexpectedly (see the coordinator log)",
            double.NaN, null, 0, 0, 0, Global.ContentHash());
        _records.Add(record);
        return record;
    }

    public StudyResult Result(string status, string? reason, StatisticsSummary? statistics) =>
        new(study, status, reason, [.. _records], Global, _lastEvaluation)
        {
            Privacy = privacy?.Spent(),
            Statistics = statistics,
            InitialWeights = _initial,
        };
}
