using FedHealth.Core.Data;
using FedHealth.Models.Cards;
using FedHealth.Models.Scoring;
using FedHealth.Models.Tests.Support;

namespace FedHealth.Models.Tests.Cards;

public sealed class LogisticCoefficientsTests
{
    [Fact]
    public void The_per_unit_coefficients_are_the_change_in_log_odds_per_unit_of_the_raw_input_through_the_preprocessing()
    {
        var model = SampleModel.Saved();
        var effects = LogisticCoefficients.Effects(model.Manifest, model.Weights()).ToDictionary(e => e.Feature);
        var names = model.Manifest.Features.Inputs;

        for (var j = 0; j < names.Count; j++)
        {
            float[] at = [55f, 130f, 1f, 0f];
            var moved = at.ToArray();
            moved[j] += 1;
            var p = ModelPredictor.Predict(model, new TabularData(names, [.. at, .. moved], [0, 0]));

            var reference = Logit(p[1]) - Logit(p[0]);

            Assert.Equal(reference, effects[names[j]].PerUnit!.Value, 1e-4);
            Assert.Equal(Math.Exp(effects[names[j]].PerUnit!.Value), effects[names[j]].OddsRatioPerUnit!.Value, 1e-12);
        }
    }

    [Fact]
    public void Effects_are_sorted_by_the_magnitude_of_the_per_sd_coefficient()
    {
        var model = SampleModel.Saved();

        var effects = LogisticCoefficients.Effects(model.Manifest, model.Weights());

        Assert.Equal(["age", "bp", "smoker=no", "smoker=yes"], effects.Select(e => e.Feature));
        Assert.Equal(0.8, effects[0].PerSd, 1e-6);
        Assert.Equal(Math.Exp(0.8), effects[0].OddsRatioPerSd, 1e-6);
        Assert.Equal(0.08, effects[0].PerUnit!.Value, 1e-6);
    }

    private static double Logit(double p) => Math.Log(p / (1 - p));
}
