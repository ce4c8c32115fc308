using FedHealth.Coordinator.Study;
using FedHealth.Models.Registry;

namespace FedHealth.Cli.Commands.Models;

/// <summary>
/// Keeps the committed rounds' global models in the run folder as they are committed
/// (<c>model/checkpoints/HASH.f32</c>) — every round, or every <c>every</c>-th — so the lineage in
/// the final model's manifest can be walked from the initial weights to the final model. Passes
/// every round on to the next progress sink.
/// </summary>
internal sealed class Checkpoints : IProgress<RoundFinished>
{
    public const int EveryRound = 1;

    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly string _runFolder;
    private readonly IProgress<RoundFinished>? _next;
    private readonly int _every;

    /// <param name="every">Keep round r when r is a multiple of it (1: every committed round); the final model is always saved beside the manifest.</param>
    public Checkpoints(string runFolder, IProgress<RoundFinished>? next, int every = EveryRound)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        _runFolder = runFolder;
        _next = next;
        _every = every;
    }

    /// <summary>Model hash → checkpoint file, relative to <c>model/</c>.</summary>
    public IReadOnlyDictionary<string, string> Files => _files;

    public void Report(RoundFinished value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Global is { } global && value.Record.ModelUpdated && value.Record.Round % _every == 0)
        {
            _files[value.Record.ModelHash] = ModelStore.SaveCheckpoint(_runFolder, global);
        }

        _next?.Report(value);
    }

    /// <summary>The model round 1 started from, kept like the rounds' (the root of the lineage).</summary>
    public void KeepInitial(StudyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.InitialWeights is { } initial)
        {
            _files[initial.ContentHash()] = ModelStore.SaveCheckpoint(_runFolder, initial);
        }
    }
}
