using FedHealth.Coordinator.Study;

namespace FedHealth.WebConsole.Studies;

/// <summary>What the console knows of one study; mutated only under <see cref="StudyBoard"/>'s lock.</summary>
internal sealed class StudyTrack(StudyOpened opened)
{
    private readonly SortedDictionary<int, RoundView> _rounds = [];
    private readonly Dictionary<string, SiteTally> _sites = new(StringComparer.Ordinal);
    private HashSet<string> _connected = new(StringComparer.Ordinal);
    private string _state = StudyView.Waiting;
    private string? _reason;
    private double? _epsilon;
    private int _roundsDone;
    private int? _current;
    private DateTimeOffset? _finishedAt;

    public void Started(RoundStarted started)
    {
        _state = StudyView.Running;
        _current = started.Round;
        _rounds[started.Round] = RoundViews.Started(started);
        _connected = started.ConnectedSites.Select(s => s.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var site in _connected)
        {
            Tally(site).LastSeen = started.At;
        }
    }

    public void Committed(RoundCommitted committed)
    {
        _rounds.TryGetValue(committed.Record.Round, out var started);
        var view = RoundViews.Finished(committed, started);
        _rounds[view.Round] = view;
        _roundsDone = _rounds.Values.Count(r => r.State != RoundView.Running);
        _current = null;
        _epsilon = RoundViews.Epsilon(committed.Record) ?? _epsilon;
        foreach (var site in committed.Record.SitesSucceeded)
        {
            var tally = Tally(site.Value);
            tally.Delivered++;
            tally.LastSeen = committed.At;
        }

        foreach (var drop in view.Dropped)
        {
            var tally = Tally(drop.Site);
            tally.Dropped++;
            tally.LastDrop = $"{drop.Stage}: {drop.Reason}";
        }
    }

    public void Finished(StudyFinished finished)
    {
        _state = finished.Result.Status;
        _reason = finished.Result.Reason;
        _current = null;
        _finishedAt = DateTimeOffset.UtcNow;
        _epsilon = finished.Result.Privacy is { } spent ? Math.Max(spent.EpsilonRecord ?? 0, spent.EpsilonSite ?? 0) : _epsilon;
    }

    public StudyView View() => new(
        opened.Study.Value, _state, _reason, opened.Rounds, _roundsDone, _current, opened.MinAvailableSites,
        opened.EpsilonBudget, _epsilon, opened.At, _finishedAt);

    public StudyDetail Detail() => new(
        View(),
        [.. _rounds.Values],
        [.. _sites.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new SiteView(
            kv.Key, _connected.Contains(kv.Key), kv.Value.LastSeen, kv.Value.Delivered, kv.Value.Dropped, kv.Value.LastDrop))]);

    private SiteTally Tally(string site)
    {
        if (!_sites.TryGetValue(site, out var tally))
        {
            tally = new SiteTally();
            _sites[site] = tally;
        }

        return tally;
    }

    private sealed class SiteTally
    {
        public DateTimeOffset LastSeen { get; set; }

        public int Delivered { get; set; }

        public int Dropped { get; set; }

        public string? LastDrop { get; set; }
    }
}
