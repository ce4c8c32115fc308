namespace FedHealth.SecureAggregation.Client;

/// <summary>
/// What a site insists on before it takes part, whatever the coordinator proposes: the fraction
/// of corrupt sites it assumes, the collusion security the session's k and t must give under that
/// assumption (−log2 of the failure probability), and the minimum number of sites.
/// <see cref="MaxDegreeOfParallelism"/> bounds the cores used to mask the input.
/// </summary>
public sealed record SecAggClientPolicy(
    double AssumedCorruptFraction = 0.1,
    double MinimumCollusionBits = 40,
    int MinimumSites = 3,
    int MaxDegreeOfParallelism = 1)
{
    public static SecAggClientPolicy Default { get; } = new();
}
