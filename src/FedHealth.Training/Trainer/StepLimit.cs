using System.Diagnostics;
using System.Globalization;

namespace FedHealth.Training.Trainer;

/// <summary>
/// What may end a fit between two steps: the process stopping (<see cref="TrainingShutdown"/>), or
/// the site's own time limit for one round's local work, which ends it with a reason naming the limit.
/// </summary>
internal sealed class StepLimit(CancellationToken stopping, TimeSpan? maxTime, int steps)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <exception cref="OperationCanceledException">The process is stopping.</exception>
    /// <exception cref="TimeoutException">The fit has run longer than the site allows.</exception>
    public void BeforeStep(int step)
    {
        stopping.ThrowIfCancellationRequested();
        if (maxTime is { } max && _clock.Elapsed > max)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"local training stopped after {step} of {steps} steps: it ran longer than this site allows for one round ({max.TotalSeconds:0.###} s, Node:Training:MaxLocalTimeSeconds)"));
        }
    }
}
