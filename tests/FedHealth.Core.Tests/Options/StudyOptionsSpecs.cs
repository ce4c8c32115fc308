using FedHealth.Core.Options;
using FedHealth.Core.Training;

namespace FedHealth.Core.Tests.Options;

public sealed class StudyOptionsSpecs
{
    private static readonly StudyOptions Valid = new()
    {
        Model = ModelSpec.LogisticRegression(5),
        Fit = new FitConfig(OptimizerKind.Sgd, 0.01, 8, 100, 0, 1),
    };

    [Fact]
    public void Sensible_options_are_valid() => Assert.Empty(Valid.Validate());

    [Theory]
    [InlineData(0, "rounds must be at least 1")]
    [InlineData(-3, "rounds must be at least 1")]
    public void Non_positive_rounds_are_named(int rounds, string expected) =>
        Assert.Contains((Valid with { Rounds = rounds }).Validate(), e => e.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void Steps_and_epochs_together_are_refused() =>
        Assert.Contains((Valid with { Fit = Valid.Fit with { LocalEpochs = 2 } }).Validate(), e => e.Contains("exactly one of local steps or local epochs", StringComparison.Ordinal));

    [Fact]
    public void A_fraction_outside_zero_to_one_is_refused() =>
        Assert.Contains((Valid with { FractionFit = 1.5 }).Validate(), e => e.Contains("(0, 1]", StringComparison.Ordinal));

    [Fact]
    public void Waiting_for_fewer_sites_than_a_round_needs_is_refused() =>
        Assert.NotEmpty((Valid with { MinFitSites = 3, MinAvailableSites = 2 }).Validate());

    [Fact]
    public void Steps_per_round_follow_from_epochs_and_rows() =>
        Assert.Equal(26, new FitConfig(OptimizerKind.Sgd, 0.1, 8, 0, 2, 1).StepsFor(100));
}
