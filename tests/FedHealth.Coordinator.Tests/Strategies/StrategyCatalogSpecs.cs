using FedHealth.Coordinator.Strategies;
using FedHealth.Coordinator.Tests.Support;
using FedHealth.Core.Strategy;

namespace FedHealth.Coordinator.Tests.Strategies;

public sealed class StrategyCatalogSpecs
{
    private static readonly FedAvgOptions Options = new(Models.Config);

    public static TheoryData<string> Names => [.. StrategyCatalog.Names];

    [Fact]
    public void The_catalogue_lists_the_ten_strategies_of_the_issue()
    {
        Assert.Equal(
            ["fedavg", "fedavgm", "fedprox", "fedadam", "fedyogi", "fedadagrad", "median", "trimmed-mean", "krum", "multi-krum"],
            StrategyCatalog.Names);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_name_creates_the_strategy_of_that_name(string name)
    {
        Assert.Equal(name, StrategyCatalog.Create(new StrategySettings(name.ToUpperInvariant()), Options).Name);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Exactly_the_strategies_that_work_on_the_mean_can_aggregate_a_secure_sum(string name)
    {
        var settings = new StrategySettings(name);
        var strategy = StrategyCatalog.Create(settings, Options);

        var refusal = StrategyCatalog.RefusalUnderSecureAggregation(settings);

        Assert.Equal(refusal is null, strategy is ISecureSumStrategy);
        Assert.Equal(refusal is not null, StrategyCatalog.SeesIndividualUpdates(settings));
        Assert.Equal(refusal is null, StrategyCatalog.RefusalUnderSiteLevelDp(settings) is null);
    }

    [Fact]
    public void The_refusal_under_secure_aggregation_says_why_and_what_to_do()
    {
        var refusal = StrategyCatalog.RefusalUnderSecureAggregation(new StrategySettings("krum"));

        Assert.NotNull(refusal);
        Assert.Contains("needs each site's update individually", refusal, StringComparison.Ordinal);
        Assert.Contains("--secure-aggregation off", refusal, StringComparison.Ordinal);
        Assert.Contains("fedadam", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_name_is_refused_with_the_valid_choices()
    {
        var error = Assert.Throws<ArgumentException>(() => StrategyCatalog.Create(new StrategySettings("scaffold"), Options));

        Assert.Contains("Unknown strategy 'scaffold'", error.Message, StringComparison.Ordinal);
        Assert.Contains("fedavg, fedavgm, fedprox, fedadam, fedyogi, fedadagrad, median, trimmed-mean, krum, multi-krum", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fedadam", "--server-lr", 0.0)]
    [InlineData("fedadam", "--beta1", 1.0)]
    [InlineData("fedyogi", "--beta2", -0.5)]
    [InlineData("fedadagrad", "--tau", double.NaN)]
    [InlineData("fedavgm", "--momentum", 1.5)]
    [InlineData("fedprox", "--proximal-mu", -1.0)]
    [InlineData("trimmed-mean", "--trim-beta", 0.5)]
    [InlineData("krum", "--byzantine", -1.0)]
    public void An_out_of_range_parameter_is_refused_naming_its_flag_and_range(string name, string flag, double value)
    {
        var error = Assert.Throws<ArgumentException>(() => StrategyCatalog.Create(With(new StrategySettings(name), flag, value), Options));

        Assert.StartsWith($"{flag} must be ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_the_strategy_does_not_take_is_refused_rather_than_ignored()
    {
        var error = Assert.Throws<ArgumentException>(() => StrategyCatalog.Create(new StrategySettings("fedadagrad", Beta2: 0.9), Options));

        Assert.Contains("--beta2 does not apply to the strategy fedadagrad, which takes --server-lr, --beta1, --tau", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_strategy_lists_the_flags_it_takes()
    {
        Assert.Equal(["--server-lr", "--beta1", "--beta2", "--tau"], StrategyCatalog.FlagsOf("FedYogi"));
        Assert.Equal(["--byzantine"], StrategyCatalog.FlagsOf("multi-krum"));
        Assert.Empty(StrategyCatalog.FlagsOf("median"));
        Assert.Throws<ArgumentException>(() => StrategyCatalog.FlagsOf("fedsgd"));
    }

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        Assert.Equal(1.0, StrategyCatalog.DefaultServerLearningRate("fedavgm"));
        Assert.Equal(0.1, StrategyCatalog.DefaultServerLearningRate("fedadam"));
        Assert.Equal(0.1, StrategyCatalog.DefaultServerLearningRate("fedyogi"));
        Assert.Equal(0.1, StrategyCatalog.DefaultServerLearningRate("fedadagrad"));
        Assert.Equal(0.01, StrategyCatalog.Create(new StrategySettings("fedprox"), Options).ConfigureFit(
            new RoundContext(new("s"), 1, 1, [Models.Site("a")]), Models.Weights(0, 0)).Config.ProximalMu);
    }

    private static StrategySettings With(StrategySettings s, string flag, double value) => flag switch
    {
        "--server-lr" => s with { ServerLearningRate = value },
        "--beta1" => s with { Beta1 = value },
        "--beta2" => s with { Beta2 = value },
        "--tau" => s with { Tau = value },
        "--momentum" => s with { Momentum = value },
        "--proximal-mu" => s with { ProximalMu = value },
        "--trim-beta" => s with { TrimBeta = value },
        _ => s with { Byzantine = (int)value },
    };
}
