namespace FedHealth.Core.Options;

/// <summary>
/// Pooled feature statistics computed by secure aggregation before the first round, so that every
/// site imputes and standardises identically (<c>--normalize federated</c>).
/// </summary>
public sealed record FederatedStatisticsOptions
{
    /// <summary>Length of the encoded statistics vector (follows from the data schema).</summary>
    public required int VectorLength { get; init; }

    /// <summary>The secure sum's modulus 2^m; fixed-point sums of squares need 64 bits.</summary>
    public int ModulusBits { get; init; } = 64;

    /// <summary>How many times the statistics stage is tried (a dropout aborts one attempt) before the study fails.</summary>
    public int Attempts { get; init; } = 3;
}
