using FedHealth.Core.Ids;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.SecureAggregation.Parameters;
using FedHealth.SecureAggregation.Quantization;
using FedHealth.SecureAggregation.Simulation;
using FedHealth.SecureAggregation.Tests.Support;

namespace FedHealth.SecureAggregation.Tests.Protocol;

public sealed class WeightedMeanTests
{
    [Fact]
    public void The_secure_weighted_mean_matches_the_plain_weighted_mean_of_the_included_sites()
    {
        var sites = Sessions.Sites(8);
        var random = new Random(11);
        var quantization = SecAggQuantization.ForSites(sites.Length, clipRange: 2, maxWeight: 100_000);
        var weights = sites.ToDictionary(s => s, _ => (long)random.Next(50, 5000));
        var updates = sites.ToDictionary(s => s, _ => Enumerable.Range(0, 500).Select(_ => (float)((random.NextDouble() * 3) - 1.5)).ToArray());
        var leaving = new Dictionary<SiteId, SecAggStage> { [sites[3]] = SecAggStage.MaskedInput };
        var session = new InProcessSession(Sessions.Study, 1, sites, new SecAggParameters(6, 4), 501, s => WeightedUpdateCodec.Encode(updates[s], weights[s], quantization))
        {
            Policy = Sessions.Lenient,
            Dropouts = leaving,
        };

        var outcome = InProcessRunner.Run(session);
        var mean = WeightedUpdateCodec.Decode(outcome.Result!.Sum, quantization);

        var included = sites.Where(s => !leaving.ContainsKey(s)).ToList();
        var total = included.Sum(s => weights[s]);
        Assert.Equal(total, mean.TotalWeight);
        for (var i = 0; i < 500; i++)
        {
            var expected = included.Sum(s => weights[s] * Math.Clamp(updates[s][i], -2, 2)) / total;
            Assert.Equal(expected, mean.Mean[i], 1e-4);
        }
    }
}
