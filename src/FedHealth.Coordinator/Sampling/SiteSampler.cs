using FedHealth.Core.Ids;

namespace FedHealth.Coordinator.Sampling;

/// <summary>Chooses the sites of a round: max(minimum, ⌈fraction·n⌉) of the available ones, seeded per round.</summary>
public static class SiteSampler
{
    public static IReadOnlyList<SiteId> Sample(IReadOnlyList<SiteId> available, double fraction, int minimum, long seed, int round)
    {
        ArgumentNullException.ThrowIfNull(available);
        var ordered = available.Distinct().OrderBy(s => s).ToList();
        var wanted = Math.Max(minimum, (int)Math.Ceiling(fraction * ordered.Count));
        if (wanted >= ordered.Count)
        {
            return ordered;
        }

        // Site selection here is not a privacy mechanism (no amplification-by-sampling is claimed
        // for it), so a seeded generator keeps runs reproducible.
        var random = new Random(HashCode.Combine(seed, round, "fit-sampling"));
        return ordered.OrderBy(_ => random.Next()).Take(wanted).OrderBy(s => s).ToList();
    }
}
