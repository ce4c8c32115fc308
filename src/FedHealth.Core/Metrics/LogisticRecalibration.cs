namespace FedHealth.Core.Metrics;

/// <summary>
/// Fits the calibration slope and intercept (<see cref="RecalibrationFit"/>) by Newton's method on
/// the binned pairs (logit(bin centre), label), weighted by the counts. There is no closed error
/// bound against a per-example fit: the covariate of an example with score p is off by at most
/// (1/(2·bins)) / (c·(1−c)) for its bin centre c, small except in the outermost bins.
/// </summary>
public static class LogisticRecalibration
{
    private const int MaxIterations = 100;

    private const double Tolerance = 1e-10;

    public static RecalibrationFit Fit(ScoreHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.Positives.Sum() == 0 || histogram.Negatives.Sum() == 0)
        {
            return RecalibrationFit.Undefined;
        }

        double a = 0, b = 0;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (var i = 0; i < histogram.Bins; i++)
            {
                double pos = histogram.Positives[i], n = pos + histogram.Negatives[i];
                if (n == 0)
                {
                    continue;
                }

                var c = Calibration.Centre(i, histogram.Bins);
                var x = Math.Log(c / (1 - c));
                var p = 1 / (1 + Math.Exp(-(a + (b * x))));
                var w = n * p * (1 - p);
                ga += pos - (n * p);
                gb += (pos - (n * p)) * x;
                haa += w;
                hab += w * x;
                hbb += w * x * x;
            }

            var determinant = (haa * hbb) - (hab * hab);
            if (!(determinant > 1e-12 * Math.Max(1, haa * hbb)))
            {
                return RecalibrationFit.Undefined;
            }

            var da = ((hbb * ga) - (hab * gb)) / determinant;
            var db = ((haa * gb) - (hab * ga)) / determinant;
            a += da;
            b += db;
            if (!double.IsFinite(a) || !double.IsFinite(b))
            {
                return RecalibrationFit.Undefined;
            }

            if (Math.Abs(da) < Tolerance * (1 + Math.Abs(a)) && Math.Abs(db) < Tolerance * (1 + Math.Abs(b)))
            {
                return new RecalibrationFit(a, b);
            }
        }

        // Still moving after many Newton steps: the classes are separable and the fit has no maximum.
        return RecalibrationFit.Undefined;
    }
}
