using FedHealth.Core.Ids;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.SecureAggregation.Parameters;
using FedHealth.SecureAggregation.Simulation;
using FedHealth.SecureAggregation.Tests.Support;

namespace FedHealth.SecureAggregation.Tests.Protocol;

public sealed class SumTests
{
    [Theory]
    [InlineData(3, 2, 2)]
    [InlineData(5, 4, 3)]
    [InlineData(9, 4, 3)]
    [InlineData(12, 6, 4)]
    public void Sum_is_exact_when_every_site_stays(int n, int k, int t)
    {
        var session = Sessions.Session(n, k, t, length: 101);

        var outcome = InProcessRunner.Run(session);

        Assert.Null(outcome.Abort);
        Assert.Equal(session.Sites, outcome.Result!.Included);
        Assert.Equal(Sessions.ExpectedSum(session.Sites, session.Input, 101, 32), outcome.Result.Sum);
        Assert.Empty(outcome.Result.Dropouts);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(17)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(48)]
    [InlineData(64)]
    public void Sum_is_exact_for_any_modulus(int bits)
    {
        var session = Sessions.Session(6, 4, 3, length: 37, bits: bits);

        var outcome = InProcessRunner.Run(session);

        Assert.Equal(Sessions.ExpectedSum(session.Sites, session.Input, 37, bits), outcome.Result!.Sum);
    }

    [Theory]
    [InlineData(32)]
    [InlineData(48)]
    public void Sum_is_exact_when_sites_and_coordinator_spread_long_vectors_over_several_cores(int bits)
    {
        const int length = (3 * Masking.MaskKernel.ChunkElements) + 5;
        var sites = Sessions.Sites(6);
        var session = Sessions.Session(6, 4, 3, length: length, bits: bits, dropouts: new Dictionary<SiteId, SecAggStage> { [sites[1]] = SecAggStage.MaskedInput }) with
        {
            Policy = Sessions.Lenient with { MaxDegreeOfParallelism = 2 },
            ServerParallelism = 2,
            ClientParallelism = 2,
        };

        var outcome = InProcessRunner.Run(session);

        Assert.Equal(Sessions.ExpectedSum(sites.Where(s => s != sites[1]), session.Input, length, bits), outcome.Result!.Sum);
    }

    public static TheoryData<SecAggStage, int> StagesAndSeeds()
    {
        var data = new TheoryData<SecAggStage, int>();
        foreach (var stage in Enum.GetValues<SecAggStage>())
        {
            for (var seed = 1; seed <= 4; seed++)
            {
                data.Add(stage, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StagesAndSeeds))]
    public void Sum_is_exact_for_random_n_k_t_with_dropouts_injected_before_a_stage(SecAggStage stage, int seed)
    {
        var random = new Random((seed * 31) + (int)stage);
        var n = random.Next(8, 36);
        var k = random.Next(3) == 0 ? n - 1 : 2 * random.Next(2, (n - 1) / 2);
        var drops = random.Next(1, Math.Min(3, (k - 2) / 2) + 1);
        var t = random.Next((k / 2) + 1, k - drops + 1);
        var sites = Sessions.Sites(n);
        var leaving = sites.OrderBy(_ => random.Next()).Take(drops).ToDictionary(s => s, _ => stage);
        var session = Sessions.Session(n, k, t, length: 203, dropouts: leaving);

        var outcome = InProcessRunner.Run(session);

        Assert.True(outcome.Abort is null, $"n={n} k={k} t={t} drops={drops}: {outcome.Abort?.Reason}");
        var included = stage > SecAggStage.MaskedInput ? sites : sites.Where(s => !leaving.ContainsKey(s)).ToArray();
        Assert.Equal(included, outcome.Result!.Included);
        Assert.Equal(Sessions.ExpectedSum(included, session.Input, 203, 32), outcome.Result.Sum);
        Assert.Equal(leaving.Keys.Order(), outcome.Result.Dropouts.Select(d => d.Site));
        Assert.All(outcome.Result.Dropouts, d => Assert.Equal(stage, d.Stage));
        Assert.Empty(outcome.SiteAborts);
    }

    [Fact]
    public void Sum_is_exact_with_the_parameters_the_chooser_picks_for_fifty_sites()
    {
        var choice = SecAggParameterChooser.Choose(50, dropoutRate: 0.1, corruptFraction: 0.1);
        var sites = Sessions.Sites(50);
        var random = new Random(5);
        var leaving = sites.OrderBy(_ => random.Next()).Take(5).ToDictionary(s => s, _ => SecAggStage.MaskedInput);
        var session = new InProcessSession(Sessions.Study, 1, sites, choice.ToParameters(), 64, Sessions.Inputs(64, 32))
        {
            Dropouts = leaving,
        };

        var outcome = InProcessRunner.Run(session);

        var included = sites.Where(s => !leaving.ContainsKey(s)).ToArray();
        Assert.Equal(Sessions.ExpectedSum(included, session.Input, 64, 32), outcome.Result!.Sum);
    }

    [Fact]
    public void A_site_that_leaves_after_sending_its_masked_input_is_still_counted()
    {
        var sites = Sessions.Sites(7);
        var session = Sessions.Session(7, 6, 4, dropouts: new Dictionary<SiteId, SecAggStage> { [sites[2]] = SecAggStage.ConsistencyCheck });

        var outcome = InProcessRunner.Run(session);

        Assert.Contains(sites[2], outcome.Result!.Included);
        Assert.Equal(Sessions.ExpectedSum(sites, session.Input, 64, 32), outcome.Result.Sum);
    }

    [Fact]
    public void Two_rounds_with_the_same_sites_share_nothing()
    {
        var first = InProcessRunner.Run(Sessions.Session(5, 4, 3, round: 1));
        var second = InProcessRunner.Run(Sessions.Session(5, 4, 3, round: 2));

        Assert.NotNull(first.Result);
        Assert.NotNull(second.Result);
    }
}
