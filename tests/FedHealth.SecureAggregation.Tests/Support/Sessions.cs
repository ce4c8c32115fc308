using FedHealth.Core.Ids;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.SecureAggregation.Client;
using FedHealth.SecureAggregation.Parameters;
using FedHealth.SecureAggregation.Simulation;

namespace FedHealth.SecureAggregation.Tests.Support;

internal static class Sessions
{
    public static readonly StudyId Study = new("study-secagg");

    /// <summary>A policy that accepts any k and t (functional tests pick small graphs on purpose).</summary>
    public static readonly SecAggClientPolicy Lenient = new(AssumedCorruptFraction: 0, MinimumCollusionBits: 0);

    public static SiteId[] Sites(int n) => [.. Enumerable.Range(1, n).Select(i => new SiteId($"site-{i:D3}"))];

    /// <summary>Deterministic test inputs below 2^bits, different per site.</summary>
    public static Func<SiteId, ulong[]> Inputs(int length, int bits, int seed = 1)
    {
        var mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        return site =>
        {
            var random = new Random(HashCode.Combine(seed, site.Value));
            var values = new ulong[length];
            for (var i = 0; i < length; i++)
            {
                values[i] = (ulong)random.NextInt64() * 2654435761UL & mask;
            }

            return values;
        };
    }

    public static ulong[] ExpectedSum(IEnumerable<SiteId> sites, Func<SiteId, ulong[]> inputs, int length, int bits)
    {
        var mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        var sum = new ulong[length];
        foreach (var site in sites)
        {
            var x = inputs(site);
            for (var i = 0; i < length; i++)
            {
                sum[i] = (sum[i] + x[i]) & mask;
            }
        }

        return sum;
    }

    public static InProcessSession Session(
        int n, int k, int t, int length = 64, int bits = 32, IReadOnlyDictionary<SiteId, SecAggStage>? dropouts = null, int round = 1) =>
        new(Study, round, Sites(n), new SecAggParameters(k, t, bits), length, Inputs(length, bits))
        {
            Dropouts = dropouts ?? new Dictionary<SiteId, SecAggStage>(),
            Policy = Lenient,
        };
}
