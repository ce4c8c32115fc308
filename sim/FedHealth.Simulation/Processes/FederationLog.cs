namespace FedHealth.Simulation.Processes;

/// <summary>
/// Every line of every process of a federation, in arrival order, with waiters for a line that
/// matches: a waiter also sees lines that arrived before it started waiting.
/// </summary>
public sealed class FederationLog
{
    private readonly Lock _gate = new();
    private readonly List<ProcessLine> _lines = [];
    private readonly List<(Func<ProcessLine, bool> Predicate, TaskCompletionSource<ProcessLine> Found)> _waiters = [];

    /// <summary>Called for each line as it arrives, on a reader thread; must not block.</summary>
    public event Action<ProcessLine>? LineReceived;

    public IReadOnlyList<ProcessLine> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>The text of the coordinator's lines, or one node's.</summary>
    public string TextOf(string? siteId) =>
        string.Join('\n', Lines.Where(l => l.SiteId == siteId && !l.FromLauncher).Select(l => l.Text));

    /// <summary>The first line, old or new, that matches <paramref name="predicate"/>.</summary>
    /// <exception cref="TimeoutException">No such line within <paramref name="timeout"/>.</exception>
    public async Task<ProcessLine> WaitForAsync(Func<ProcessLine, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var found = new TaskCompletionSource<ProcessLine>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiter = (predicate, found);
        lock (_gate)
        {
            var seen = _lines.FirstOrDefault(predicate);
            if (seen is not null)
            {
                return seen;
            }

            _waiters.Add(waiter);
        }

        try
        {
            return await found.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"No matching line from the federation's processes within {timeout.TotalSeconds:0} s.", ex);
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    internal void Add(ProcessLine line)
    {
        List<TaskCompletionSource<ProcessLine>> matched = [];
        lock (_gate)
        {
            _lines.Add(line);
            foreach (var (predicate, found) in _waiters)
            {
                if (!found.Task.IsCompleted && predicate(line))
                {
                    matched.Add(found);
                }
            }
        }

        foreach (var found in matched)
        {
            found.TrySetResult(line);
        }

        LineReceived?.Invoke(line);
    }
}
