namespace FedHealth.Training.Trainer;

/// <summary>
/// Stops local training cleanly when the process is asked to stop (SIGTERM, Ctrl-C): every fit and
/// evaluation holds a lease while it runs; <see cref="Stop"/> makes running fits end at their next
/// step boundary (disposing their TorchSharp state on their own thread, as they unwind) and waits
/// until none is left, so the process never exits while libtorch is still in use (which crashed it
/// with a segmentation fault). Work asked for after the stop is refused.
/// </summary>
public sealed class TrainingShutdown
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private int _active;

    /// <summary>The process's one: every <see cref="LocalTrainer"/> uses it unless given another.</summary>
    public static TrainingShutdown Process { get; } = new();

    public CancellationToken Stopping => _stopping.Token;

    /// <summary>How many fits and evaluations are running.</summary>
    public int Active
    {
        get
        {
            lock (_gate)
            {
                return _active;
            }
        }
    }

    /// <summary>A lease for one piece of training work; dispose it when the work (and its TorchSharp state) is gone.</summary>
    /// <exception cref="OperationCanceledException">The process is stopping.</exception>
    public IDisposable Enter()
    {
        lock (_gate)
        {
            _stopping.Token.ThrowIfCancellationRequested();
            _active++;
            return new Lease(this);
        }
    }

    /// <summary>Asks every running fit to stop at its next step and waits up to <paramref name="wait"/> for all of them; true when none is left.</summary>
    public bool Stop(TimeSpan wait)
    {
        lock (_gate)
        {
            _stopping.Cancel();
            var deadline = DateTime.UtcNow + wait;
            while (_active > 0)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_gate, left))
                {
                    return _active == 0;
                }
            }

            return true;
        }
    }

    private void Exit()
    {
        lock (_gate)
        {
            _active--;
            Monitor.PulseAll(_gate);
        }
    }

    private sealed class Lease(TrainingShutdown owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Exit();
            }
        }
    }
}
