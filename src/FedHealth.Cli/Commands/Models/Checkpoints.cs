using FedHealth.Coordinator.Study;
using FedHealth.Models.Registry;

namespace FedHealth.Cli.Commands.Models;

/// <summary>
/// Keeps each committed round's global model in the run folder as it is committed
/// (<c>model/checkpoints/HASH.f32</c>), so the lineage in the final model's manifest can be walked
/// from the initial weights to the final model. Passes every round on to the next progress sink.
/// </summary>
internal sealed class Checkpoints(string runFolder, IProgress<RoundFinished>? next) : IProgress<RoundFinished>
{
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    /// <summary>Model hash → checkpoint file, relative to <c>model/</c>.</summary>
    public IReadOnlyDictionary<string, string> Files => _files;

    public void Report(RoundFinished value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Global is { } global && value.Record.ModelUpdated)
        {
            _files[value.Record.ModelHash] = ModelStore.SaveCheckpoint(runFolder, global);
        }

        next?.Report(value);
    }

    /// <summary>The model round 1 started from, kept like the rounds' (the root of the lineage).</summary>
    public void KeepInitial(StudyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.InitialWeights is { } initial)
        {
            _files[initial.ContentHash()] = ModelStore.SaveCheckpoint(runFolder, initial);
        }
    }
}
