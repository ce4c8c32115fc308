namespace FedHealth.SecureAggregation.Parameters;

/// <summary>
/// A choice of k and t for n sites, with what it guarantees (all as −log2 of a failure
/// probability; ∞ means the guarantee holds with certainty):
/// <see cref="CollusionBits"/>: no site has so many corrupt neighbours that they, with a coordinator
/// lying about dropouts, could reconstruct its secrets (needs 2t − k above the corrupt neighbours);
/// <see cref="ConnectivityBits"/>: the honest survivors stay connected, so an honest-but-curious
/// coordinator learns only their total sum; <see cref="CorrectnessBits"/>: every site keeps t
/// surviving neighbours, so the round completes instead of aborting.
/// </summary>
public sealed record SecAggParameterChoice(
    int Sites,
    int Neighbours,
    int Threshold,
    bool CompleteGraph,
    double DropoutRate,
    double CorruptFraction,
    int AssumedCorruptSites,
    double CollusionBits,
    double ConnectivityBits,
    double CorrectnessBits)
{
    /// <summary>The parameters to run with, at the given modulus.</summary>
    public SecAggParameters ToParameters(int modulusBits = 32) => new(Neighbours, Threshold, modulusBits);

    /// <summary>The weaker of the two privacy guarantees.</summary>
    public double SecurityBits => Math.Min(CollusionBits, ConnectivityBits);
}
