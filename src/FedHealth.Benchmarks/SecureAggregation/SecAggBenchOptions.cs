using FedHealth.Core.Protocol.SecureAggregation;

namespace FedHealth.Benchmarks.SecureAggregation;

/// <summary>
/// One run of <c>fedhealth bench secagg</c>: <see cref="Sites"/> sites sum vectors of
/// <see cref="Params"/> 32-bit elements while a <see cref="Dropout"/> fraction of them vanish
/// before <see cref="DropStage"/> (by default after sharing keys and before sending their masked
/// input, the case that costs the coordinator most). <see cref="Neighbours"/> fixes k; by default
/// k and t come from the parameter chooser for the dropout rate and <see cref="CorruptFraction"/>.
/// </summary>
public sealed record SecAggBenchOptions
{
    public int Sites { get; init; } = 100;

    public int Params { get; init; } = 1_000_000;

    public double Dropout { get; init; } = 0.1;

    /// <summary>Seeds which sites drop and the test inputs (never any protocol randomness, which is always from the CSPRNG).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>k; null lets the parameter chooser pick k and t.</summary>
    public int? Neighbours { get; init; }

    public double CorruptFraction { get; init; } = 0.1;

    public int ModulusBits { get; init; } = 32;

    public SecAggStage DropStage { get; init; } = SecAggStage.MaskedInput;

    /// <summary>
    /// Whole runs to make (each with fresh keys and a fresh choice of dropped sites); times are
    /// reported as medians, since a shared machine's noise hits single runs.
    /// </summary>
    public int Repetitions { get; init; } = 1;

    /// <summary>Cores for the coordinator's arithmetic and for running sites side by side.</summary>
    public int Cores { get; init; } = Environment.ProcessorCount;
}
