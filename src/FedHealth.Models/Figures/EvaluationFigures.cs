using System.Globalization;
using FedHealth.Core.Metrics;
using ScottPlot;

namespace FedHealth.Models.Figures;

/// <summary>
/// The sim run folder's evaluation figures as PNG bytes, drawn by ScottPlot at the model card's
/// size: the pooled reliability diagram and the per-site accuracy bars with the worst–best gap.
/// </summary>
public static class EvaluationFigures
{
    public const string CalibrationFile = "calibration.png";

    public const string FairnessSitesFile = "fairness-sites.png";

    private static readonly Color Worst = Colors.IndianRed;

    private static readonly Color Best = Colors.SeaGreen;

    /// <summary>Writes whichever of the two figures has data into <paramref name="folder"/>.</summary>
    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<ReliabilityPoint> points, double ece, IReadOnlyList<SiteBar> sites)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var files = new List<string>();
        foreach (var (file, png) in new[] { (CalibrationFile, Reliability(points, ece)), (FairnessSitesFile, SiteAccuracy(sites)) })
        {
            if (png is not null)
            {
                var path = Path.Combine(folder, file);
                File.WriteAllBytes(path, png);
                files.Add(path);
            }
        }

        return files;
    }

    /// <summary>Observed frequency against mean predicted probability per calibration bin; null without a point.</summary>
    public static byte[]? Reliability(IReadOnlyList<ReliabilityPoint> points, double ece)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return null;
        }

        var plot = new Plot();
        var ideal = plot.Add.Line(0, 0, 1, 1);
        ideal.LinePattern = LinePattern.Dashed;
        ideal.LegendText = "perfect calibration";
        var curve = plot.Add.Scatter(points.Select(p => p.MeanPredicted).ToArray(), points.Select(p => p.ObservedFrequency).ToArray());
        curve.MarkerSize = 8;
        curve.LegendText = $"pooled over sites (ECE-10 {F(ece)})";
        foreach (var point in points)
        {
            var count = plot.Add.Text($"n={point.Count}", point.MeanPredicted, point.ObservedFrequency);
            count.LabelFontSize = 10;
            count.LabelOffsetX = 6;
            count.LabelOffsetY = -4;
        }

        plot.Axes.SetLimits(0, 1.08, 0, 1.04);
        plot.Title("Reliability diagram (10 bins, summed histograms)");
        plot.XLabel("mean predicted probability");
        plot.YLabel("observed frequency of positives");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(ModelFigures.Width, ModelFigures.Height, ImageFormat.Png);
    }

    /// <summary>Accuracy per released site, the worst red and the best green with dotted lines at both; null without a site.</summary>
    public static byte[]? SiteAccuracy(IReadOnlyList<SiteBar> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var shown = sites.Where(s => double.IsFinite(s.Accuracy)).ToList();
        if (shown.Count == 0)
        {
            return null;
        }

        SiteBar worst = shown.MinBy(s => s.Accuracy)!, best = shown.MaxBy(s => s.Accuracy)!;
        var plot = new Plot();
        var bars = shown.Select((s, i) => new Bar
        {
            Position = i,
            Value = s.Accuracy,
            Label = F(s.Accuracy),
            FillColor = Colour(s.Accuracy, worst.Accuracy, best.Accuracy),
        }).ToList();
        plot.Add.Bars(bars);
        foreach (var (value, colour) in new[] { (worst.Accuracy, Worst), (best.Accuracy, Best) })
        {
            var line = plot.Add.HorizontalLine(value);
            line.LinePattern = LinePattern.Dotted;
            line.Color = colour;
        }

        plot.Axes.Bottom.SetTicks(
            Enumerable.Range(0, shown.Count).Select(i => (double)i).ToArray(),
            shown.Select(s => $"{s.Site} (n={s.TestPatients})").ToArray());
        plot.Axes.SetLimitsY(0, 1.08);
        plot.Title($"Accuracy per site: worst site {worst.Site} {F(worst.Accuracy)}, best site {best.Site} {F(best.Accuracy)}, gap {F(best.Accuracy - worst.Accuracy)}");
        plot.YLabel("accuracy on the site's test patients");
        return plot.GetImageBytes(ModelFigures.Width, ModelFigures.Height, ImageFormat.Png);
    }

    private static Color Colour(double accuracy, double worst, double best) =>
        accuracy == worst ? Worst : accuracy == best ? Best : Colors.SteelBlue;

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
