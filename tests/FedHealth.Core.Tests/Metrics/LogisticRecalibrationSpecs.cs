using FedHealth.Core.Metrics;

namespace FedHealth.Core.Tests.Metrics;

public sealed class LogisticRecalibrationSpecs
{
    [Fact]
    public void Counts_that_follow_a_known_recalibration_give_back_its_slope_and_intercept()
    {
        // In every fine bin a million examples, of which the share σ(0.3 + 0.5 · logit(centre)) is positive.
        const long perBin = 1_000_000;
        var positives = new long[ScoreHistogram.DefaultBins];
        var negatives = new long[ScoreHistogram.DefaultBins];
        for (var i = 0; i < positives.Length; i++)
        {
            var c = Calibration.Centre(i, positives.Length);
            var share = 1 / (1 + Math.Exp(-(0.3 + (0.5 * Math.Log(c / (1 - c))))));
            positives[i] = (long)Math.Round(perBin * share);
            negatives[i] = perBin - positives[i];
        }

        var fit = LogisticRecalibration.Fit(new ScoreHistogram(positives, negatives));

        Assert.Equal(0.3, fit.Intercept, 4);
        Assert.Equal(0.5, fit.Slope, 4);
    }

    [Fact]
    public void The_binned_fit_is_close_to_the_per_example_fit()
    {
        var (scores, labels) = CalibrationSpecs.Synthetic(seed: 13, count: 4_000);
        var inner = Enumerable.Range(0, scores.Length).Where(i => scores[i] is > 0.02f and < 0.98f).ToArray();
        var s = inner.Select(i => scores[i]).ToArray();
        var y = inner.Select(i => labels[i]).ToArray();

        var (intercept, slope) = PerExampleFit(s, y);
        var fit = LogisticRecalibration.Fit(ScoreHistogram.From(s, y));

        // The data are over-confident by a factor 2: slope near 0.5.
        Assert.InRange(slope, 0.35, 0.65);
        Assert.Equal(slope, fit.Slope, 2);
        Assert.Equal(intercept, fit.Intercept, 2);
    }

    [Fact]
    public void One_class_has_no_recalibration()
    {
        var fit = LogisticRecalibration.Fit(ScoreHistogram.From([0.2f, 0.7f], [1, 1]));

        Assert.True(double.IsNaN(fit.Slope) && double.IsNaN(fit.Intercept));
    }

    [Fact]
    public void Separable_classes_have_no_recalibration()
    {
        var fit = LogisticRecalibration.Fit(ScoreHistogram.From([0.1f, 0.2f, 0.8f, 0.9f], [0, 0, 1, 1]));

        Assert.True(double.IsNaN(fit.Slope));
    }

    // The reference: the same logistic model, on each example's own logit, by Newton's method.
    private static (double Intercept, double Slope) PerExampleFit(float[] scores, int[] labels)
    {
        double a = 0, b = 0;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (var i = 0; i < scores.Length; i++)
            {
                var x = Math.Log(scores[i] / (1.0 - scores[i]));
                var p = 1 / (1 + Math.Exp(-(a + (b * x))));
                ga += labels[i] - p;
                gb += (labels[i] - p) * x;
                haa += p * (1 - p);
                hab += p * (1 - p) * x;
                hbb += p * (1 - p) * x * x;
            }

            var det = (haa * hbb) - (hab * hab);
            a += ((hbb * ga) - (hab * gb)) / det;
            b += ((haa * gb) - (hab * ga)) / det;
        }

        return (a, b);
    }
}
