using FedHealth.Core.Ids;
using FedHealth.Core.Protocol.SecureAggregation;

namespace FedHealth.Node.SecureAggregation;

/// <summary>
/// Simulation only: with probability <see cref="Probability"/> per round a site vanishes at a
/// stage drawn uniformly (it stops answering for that round) and comes back in the next one.
/// Seeded, so a simulated run is reproducible; this is not a privacy mechanism.
/// </summary>
public sealed record SimulatedDropout(double Probability, long Seed)
{
    public static SimulatedDropout None { get; } = new(0, 0);

    /// <summary>The stage at which the site vanishes in this round, or null when it stays.</summary>
    public SecAggStage? StageFor(SiteId site, int round)
    {
        if (Probability <= 0)
        {
            return null;
        }

        var random = new Random(HashCode.Combine(Seed, StableHash.Of(site.Value), round));
        if (random.NextDouble() >= Probability)
        {
            return null;
        }

        var stages = Enum.GetValues<SecAggStage>();
        return stages[random.Next(stages.Length)];
    }
}
