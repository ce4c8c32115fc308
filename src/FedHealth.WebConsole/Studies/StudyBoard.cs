using FedHealth.Coordinator.Study;
using FedHealth.WebConsole.Streaming;

namespace FedHealth.WebConsole.Studies;

/// <summary>
/// The coordinator console's read model: every study the actor system ran, fed with the study's
/// EventStream events (<see cref="StudyBoardActor"/>) and read by the pages and the JSON API.
/// Safe to read from request threads while the actor writes.
/// </summary>
public sealed class StudyBoard
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StudyTrack> _studies = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public ConsoleFeed Feed { get; } = new();

    public void Apply(StudyOpened opened)
    {
        ArgumentNullException.ThrowIfNull(opened);
        Change(() =>
        {
            if (!_studies.ContainsKey(opened.Study.Value))
            {
                _order.Add(opened.Study.Value);
            }

            _studies[opened.Study.Value] = new StudyTrack(opened);
        });
    }

    public void Apply(RoundStarted started)
    {
        ArgumentNullException.ThrowIfNull(started);
        Change(() => Track(started.Study.Value, started.Rounds)?.Started(started));
    }

    public void Apply(RoundCommitted committed)
    {
        ArgumentNullException.ThrowIfNull(committed);
        Change(() => Track(committed.Study.Value, committed.Rounds)?.Committed(committed));
    }

    public void Apply(StudyFinished finished)
    {
        ArgumentNullException.ThrowIfNull(finished);
        Change(() => Track(finished.Result.Study.Value, finished.Result.Rounds.Count)?.Finished(finished));
    }

    public IReadOnlyList<StudyView> Studies()
    {
        lock (_gate)
        {
            return [.. _order.Select(id => _studies[id].View())];
        }
    }

    /// <summary>The study with its rounds and sites; null when no study of that id was seen.</summary>
    public StudyDetail? Study(string id)
    {
        lock (_gate)
        {
            return _studies.TryGetValue(id, out var track) ? track.Detail() : null;
        }
    }

    private void Change(Action change)
    {
        lock (_gate)
        {
            change();
        }

        Feed.Changed();
    }

    // A console started after the study opened still shows it, from its first event on.
    private StudyTrack? Track(string study, int rounds)
    {
        if (!_studies.TryGetValue(study, out var track))
        {
            track = new StudyTrack(new StudyOpened(new(study), rounds, 0, null, DateTimeOffset.UtcNow));
            _studies[study] = track;
            _order.Add(study);
        }

        return track;
    }
}
