using FedHealth.Models.Figures;
using FedHealth.Models.Manifests;
using FedHealth.Models.Tests.Support;

namespace FedHealth.Models.Tests.Figures;

public sealed class EffectFiguresTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    [Fact]
    public void Feature_effects_are_a_png_bar_chart_and_nothing_without_a_finite_effect()
    {
        Assert.Equal(PngSignature, EffectFigures.FeatureBars([("age", 0.8), ("bp", -0.4)], "effects", "per SD")![..4]);
        Assert.Null(EffectFigures.FeatureBars([("age", double.NaN)], "effects", "per SD"));
    }

    [Fact]
    public void The_privacy_figure_needs_a_round_that_spent_epsilon()
    {
        var manifest = SampleModel.Manifest(SampleModel.Weights());
        var spent = manifest with { History = [new RoundMetrics(1, 0.7, 0.69, 0.6, 0.65, 0.9, null), new RoundMetrics(2, 0.6, 0.6, 0.7, 0.8, 1.5, null)] };

        Assert.Null(EffectFigures.PrivacyPerRound(manifest));
        Assert.Equal(PngSignature, EffectFigures.PrivacyPerRound(spent)![..4]);
    }
}
