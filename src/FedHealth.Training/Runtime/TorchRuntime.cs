using System.Globalization;
using TorchSharp;

namespace FedHealth.Training.Runtime;

/// <summary>
/// Process-wide libtorch settings, applied once before the first tensor operation.
/// </summary>
/// <remarks>
/// libtorch's intra-op thread pool defaults to one thread per core. A simulation runs several sites
/// in one process, each on its own actor thread, with models of a few hundred parameters: there,
/// extra libtorch threads only contend with each other. One thread is the default; a deployment that
/// trains one larger model per process can raise it.
/// </remarks>
public static class TorchRuntime
{
    /// <summary>Environment variable that overrides the default of one libtorch thread.</summary>
    public const string ThreadsVariable = "FEDHEALTH_TORCH_THREADS";

    private static readonly Lock Gate = new();
    private static int _threads;

    /// <summary>The number of libtorch intra-op threads in force (0 until initialised).</summary>
    public static int Threads
    {
        get
        {
            lock (Gate)
            {
                return _threads;
            }
        }
    }

    /// <summary>
    /// Applies the thread count from <see cref="ThreadsVariable"/> (default 1) unless
    /// <see cref="SetThreads"/> already chose one. Cheap to call repeatedly.
    /// </summary>
    public static void EnsureInitialized()
    {
        lock (Gate)
        {
            if (_threads == 0)
            {
                Apply(ThreadsFromEnvironment());
            }
        }
    }

    /// <summary>Sets the libtorch intra-op thread count for the whole process.</summary>
    public static void SetThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        lock (Gate)
        {
            Apply(threads);
        }
    }

    private static void Apply(int threads)
    {
        torch.set_num_threads(threads);
        _threads = threads;
    }

    private static int ThreadsFromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(ThreadsVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return 1;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var threads) || threads < 1)
        {
            throw new InvalidOperationException(
                $"{ThreadsVariable} must be a positive whole number of threads, not '{text}'.");
        }

        return threads;
    }
}
