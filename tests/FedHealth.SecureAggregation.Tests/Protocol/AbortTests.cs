using FedHealth.Core.Ids;
using FedHealth.Core.Protocol;
using FedHealth.Core.Protocol.SecureAggregation;
using FedHealth.SecureAggregation.Simulation;
using FedHealth.SecureAggregation.Tests.Support;

namespace FedHealth.SecureAggregation.Tests.Protocol;

public sealed class AbortTests
{
    [Fact]
    public void Round_aborts_before_anything_is_revealed_when_survivors_fall_below_the_threshold()
    {
        var sites = Sessions.Sites(6);
        var received = new List<IRoundMessage>();
        var session = Sessions.Session(6, 5, 4, dropouts: sites.Take(3).ToDictionary(s => s, _ => SecAggStage.MaskedInput)) with
        {
            OnCoordinatorReceives = (_, m) => received.Add(m),
        };

        var outcome = InProcessRunner.Run(session);

        Assert.Null(outcome.Result);
        Assert.Equal(SecAggStage.MaskedInput, outcome.Abort!.Stage);
        Assert.Contains("threshold", outcome.Abort.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(received, m => m is SecAggUnmaskShares or SecAggSurvivorsSignature);
        Assert.Equal(3, outcome.Abort.Dropouts.Count);
    }

    [Fact]
    public void Round_aborts_when_too_few_sites_advertise_keys()
    {
        var sites = Sessions.Sites(5);
        var session = Sessions.Session(5, 4, 3, dropouts: sites.Take(3).ToDictionary(s => s, _ => SecAggStage.AdvertiseKeys));

        var outcome = InProcessRunner.Run(session);

        Assert.Equal(SecAggStage.AdvertiseKeys, outcome.Abort!.Stage);
    }

    [Fact]
    public void Round_aborts_cleanly_when_too_few_shares_arrive_in_the_unmask_stage()
    {
        var sites = Sessions.Sites(5);
        var session = Sessions.Session(5, 4, 3, dropouts: sites.Take(3).ToDictionary(s => s, _ => SecAggStage.Unmask));

        var outcome = InProcessRunner.Run(session);

        Assert.Null(outcome.Result);
        Assert.Equal(SecAggStage.Unmask, outcome.Abort!.Stage);
    }

    [Fact]
    public void Round_aborts_before_unmasking_when_too_few_neighbours_confirm_the_survivors()
    {
        var sites = Sessions.Sites(5);
        var received = new List<IRoundMessage>();
        var session = Sessions.Session(5, 4, 3, dropouts: sites.Take(3).ToDictionary(s => s, _ => SecAggStage.ConsistencyCheck)) with
        {
            OnCoordinatorReceives = (_, m) => received.Add(m),
        };

        var outcome = InProcessRunner.Run(session);

        Assert.Equal(SecAggStage.ConsistencyCheck, outcome.Abort!.Stage);
        Assert.DoesNotContain(received, m => m is SecAggUnmaskShares);
    }

    [Fact]
    public void A_site_left_with_too_few_key_sharing_neighbours_is_left_out_and_the_round_completes()
    {
        // Ring of 8 with k = 2, t = 2: when one site stops before sharing keys, its two neighbours
        // each keep only one key-sharing neighbour and must be left out too; the rest complete.
        var sites = Sessions.Sites(8);
        var session = Sessions.Session(8, 2, 2, dropouts: new Dictionary<SiteId, SecAggStage> { [sites[0]] = SecAggStage.ShareKeys });

        var outcome = InProcessRunner.Run(session);

        if (outcome.Result is { } result)
        {
            Assert.Equal(Sessions.ExpectedSum(result.Included, session.Input, 64, 32), result.Sum);
            Assert.Contains(result.Dropouts, d => d.Reason.StartsWith("left out", StringComparison.Ordinal));
        }
        else
        {
            Assert.NotNull(outcome.Abort);
        }
    }
}
