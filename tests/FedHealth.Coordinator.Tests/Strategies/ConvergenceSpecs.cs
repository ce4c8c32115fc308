using FedHealth.Coordinator.Strategies;
using Xunit.Abstractions;

namespace FedHealth.Coordinator.Tests.Strategies;

/// <summary>Every strategy, end to end through its hooks, on a toy quadratic federation.</summary>
public sealed class ConvergenceSpecs(ITestOutputHelper output)
{
    private static readonly float[][] Centres = [[1f, 2f, -1f], [3f, 0f, 1f], [2f, -2f, 0.5f], [0f, 1f, 2f]];
    private static readonly float[][] Honest = [[1f, 2f, -1f], [1.5f, 1.2f, -0.5f], [0.8f, 1.9f, -1.2f], [1.2f, 1.5f, -0.8f]];

    public static TheoryData<string, double?> MeanBasedStrategies => new()
    {
        { "fedavg", null },
        { "fedavgm", null },
        { "fedprox", null },
        { "fedadam", null },
        { "fedyogi", null },
        { "fedadagrad", 0.5 },
    };

    [Theory]
    [MemberData(nameof(MeanBasedStrategies))]
    public void Every_mean_based_strategy_converges_to_the_federated_optimum(string name, double? serverLearningRate)
    {
        var federation = new QuadraticFederation(Centres);
        var strategy = StrategyCatalog.Create(new StrategySettings(name, ServerLearningRate: serverLearningRate), QuadraticFederation.Options);

        var distance = federation.DistanceAfter(strategy, rounds: 300);
        output.WriteLine($"{name}: {distance:G3} from the optimum after 300 rounds (start {federation.StartDistance:G3})");

        Assert.True(distance < 1e-3 * federation.StartDistance, $"{name} ended {distance} from the optimum (start {federation.StartDistance}).");
    }

    [Theory]
    [MemberData(nameof(MeanBasedStrategies))]
    public void The_secure_sum_path_reaches_the_same_model_as_the_plain_path(string name, double? serverLearningRate)
    {
        var settings = new StrategySettings(name, ServerLearningRate: serverLearningRate);

        var plain = new QuadraticFederation(Centres).DistanceAfter(StrategyCatalog.Create(settings, QuadraticFederation.Options), rounds: 20);
        var secure = new QuadraticFederation(Centres).DistanceAfter(StrategyCatalog.Create(settings, QuadraticFederation.Options), rounds: 20, secureSum: true);

        Assert.Equal(plain, secure, 1e-4);
    }

    [Fact]
    public void One_byzantine_site_drags_fedavg_far_away()
    {
        var federation = new QuadraticFederation(Honest, byzantineShift: [100f, -100f, 100f]);

        var distance = federation.DistanceAfter(StrategyCatalog.Create(StrategySettings.Default, QuadraticFederation.Options), rounds: 30);
        output.WriteLine($"fedavg with a byzantine site: {distance:G3} from the honest optimum after 30 rounds");

        Assert.True(distance > 50, $"FedAvg ended only {distance} from the honest optimum.");
    }

    [Theory]
    [InlineData("median")]
    [InlineData("trimmed-mean")]
    [InlineData("krum")]
    [InlineData("multi-krum")]
    public void Robust_strategies_stay_near_the_honest_optimum_despite_a_byzantine_site(string name)
    {
        // Four honest sites and one that shifts every coordinate by 100 in every round: five sites,
        // so trimmed-mean (β = 0.2) drops one value per side and Krum (f = 1) has its 2f + 3.
        var federation = new QuadraticFederation(Honest, byzantineShift: [100f, -100f, 100f]);

        var distance = federation.DistanceAfter(StrategyCatalog.Create(new StrategySettings(name), QuadraticFederation.Options), rounds: 30);
        output.WriteLine($"{name} with a byzantine site: {distance:G3} from the honest optimum after 30 rounds");

        Assert.True(distance < 0.5, $"{name} ended {distance} from the honest optimum.");
    }
}
