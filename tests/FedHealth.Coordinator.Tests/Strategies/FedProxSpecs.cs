using FedHealth.Coordinator.Privacy;
using FedHealth.Coordinator.Strategies;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Ids;
using FedHealth.Core.Options;
using FedHealth.Core.Strategy;
using FedHealth.Privacy.Sampling;

namespace FedHealth.Coordinator.Tests.Strategies;

public sealed class FedProxSpecs
{
    private static readonly RoundContext Round1 = new(new StudyId("s"), 1, 42, [Models.Site("a"), Models.Site("b")]);

    [Fact]
    public void It_asks_the_sites_for_the_proximal_term_and_otherwise_plans_as_fedavg()
    {
        var options = new FedAvgOptions(Models.Config);

        var prox = new FedProx(options, 0.3).ConfigureFit(Round1, Models.Weights(0, 0, 0));
        var avg = new FedAvg(options).ConfigureFit(Round1, Models.Weights(0, 0, 0));

        Assert.Equal(0.3, prox.Config.ProximalMu);
        Assert.Equal(avg.Config with { ProximalMu = 0.3 }, prox.Config);
        Assert.Equal(avg.Sites, prox.Sites);
    }

    [Fact]
    public void Record_level_dp_keeps_the_proximal_term_in_the_plan()
    {
        var privacy = new PrivacyOptions { Mode = DpMode.Record, RecordNoiseMultiplier = 1, RecordSamplingRate = 0.1 };
        var strategy = new DifferentialPrivacyStrategy(new FedProx(new FedAvgOptions(Models.Config), 0.3), privacy, () => new OsRandomSource());

        var plan = strategy.ConfigureFit(Round1, Models.Weights(0, 0, 0));

        Assert.Equal(0.3, plan.Config.ProximalMu);
        Assert.NotNull(plan.Config.RecordDp);
    }

    [Fact]
    public void The_proximal_term_keeps_the_local_models_nearer_the_global_one_on_the_toy_federation()
    {
        float[][] centres = [[4f, 0f, 0f], [-4f, 0f, 0f], [0f, 4f, 0f]];

        var avg = new QuadraticFederation(centres).DistanceAfter(new FedAvg(QuadraticFederation.Options), rounds: 1);
        var prox = new QuadraticFederation(centres).DistanceAfter(new FedProx(QuadraticFederation.Options, 5), rounds: 1);

        // One round from zero: the larger μ, the smaller the local steps and so the smaller the move.
        Assert.True(prox > avg, $"FedProx ended {prox} from the optimum, FedAvg {avg}.");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void A_negative_or_missing_mu_is_refused(double mu)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FedProx(new FedAvgOptions(Models.Config), mu));
    }
}
