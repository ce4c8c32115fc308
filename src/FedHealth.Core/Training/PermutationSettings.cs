using MessagePack;

namespace FedHealth.Core.Training;

/// <summary>
/// Coordinator → site, with the final evaluation: measure permutation importance on the local
/// test rows — each input permuted <see cref="Repeats"/> times, from <see cref="Seed"/> (the site
/// derives its own) — and return only the summed loss increases, which join the evaluation's sums.
/// </summary>
[MessagePackObject]
public sealed record PermutationSettings(
    [property: Key(0)] int Repeats,
    [property: Key(1)] long Seed)
{
    public const int DefaultRepeats = 5;

    /// <summary>A site refuses more: each repeat costs one pass over the test rows per input.</summary>
    public const int MaxRepeats = 20;
}
