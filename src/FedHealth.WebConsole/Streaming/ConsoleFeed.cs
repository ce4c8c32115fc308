namespace FedHealth.WebConsole.Streaming;

/// <summary>
/// Tells the live pages that something changed: a version number that grows with every change,
/// and a wait for the next one. Bursts coalesce: a page that is still sending sees only the latest
/// version, never a queue, so a slow browser cannot make the service buffer without bound.
/// </summary>
public sealed class ConsoleFeed
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = NewSignal();
    private long _version;

    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    public void Changed()
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            _version++;
            signal = _next;
            _next = NewSignal();
        }

        signal.TrySetResult();
    }

    /// <summary>The version after <paramref name="seen"/>, once there is one; null when <paramref name="wait"/> passes first.</summary>
    public async Task<long?> NextAsync(long seen, TimeSpan wait, CancellationToken cancellationToken)
    {
        Task signal;
        lock (_gate)
        {
            if (_version != seen)
            {
                return _version;
            }

            signal = _next.Task;
        }

        try
        {
            await signal.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }

        return Version;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
