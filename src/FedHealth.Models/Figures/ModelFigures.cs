using FedHealth.Models.Manifests;
using ScottPlot;

namespace FedHealth.Models.Figures;

/// <summary>The model card's figures as PNG bytes, drawn by ScottPlot: the learning curve and the ROC curve.</summary>
public static class ModelFigures
{
    public const string LearningCurveFile = "learning-curve.png";

    public const string RocFile = "roc.png";

    internal const int Width = 720;

    internal const int Height = 440;

    /// <summary>Train loss, pooled eval loss and accuracy (and AUC) per round; null without a round.</summary>
    public static byte[]? LearningCurve(ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.History.Count == 0)
        {
            return null;
        }

        var plot = new Plot();
        AddSeries(plot, manifest.History, r => r.TrainLoss, "train loss");
        AddSeries(plot, manifest.History, r => r.EvalLoss, "eval loss");
        AddSeries(plot, manifest.History, r => r.EvalAccuracy, "eval accuracy");
        AddSeries(plot, manifest.History, r => r.EvalAuc, "eval AUC");
        plot.Title("Learning curve");
        plot.XLabel("round");
        plot.YLabel("loss / accuracy / AUC");

        // Beside the plot: accuracy and AUC run along the top, the loss along the bottom.
        plot.ShowLegend(Edge.Right);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>The pooled ROC curve from the summed histogram; null without one or with one class only.</summary>
    public static byte[]? Roc(ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Histogram is not { } histogram || histogram.Positives.Sum() == 0 || histogram.Negatives.Sum() == 0)
        {
            return null;
        }

        var points = RocCurve.FromHistogram(histogram.Positives, histogram.Negatives);
        var plot = new Plot();
        var curve = plot.Add.Scatter(points.Select(p => p.FalsePositiveRate).ToArray(), points.Select(p => p.TruePositiveRate).ToArray());
        curve.MarkerSize = 0;
        curve.LegendText = $"pooled ROC (AUC {RocCurve.Area(points).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)})";
        var chance = plot.Add.Line(0, 0, 1, 1);
        chance.LinePattern = LinePattern.Dashed;
        chance.LegendText = "chance";
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.Title("ROC from the summed score histograms");
        plot.XLabel("false-positive rate");
        plot.YLabel("true-positive rate");
        plot.ShowLegend(Alignment.LowerRight);
        return plot.GetImageBytes(Height, Height, ImageFormat.Png);
    }

    private static void AddSeries(Plot plot, IReadOnlyList<RoundMetrics> rounds, Func<RoundMetrics, double?> value, string label)
    {
        var points = rounds.Where(r => value(r) is not null).ToList();
        if (points.Count == 0)
        {
            return;
        }

        var series = plot.Add.Scatter(points.Select(r => (double)r.Round).ToArray(), points.Select(r => value(r)!.Value).ToArray());
        series.LegendText = label;
    }
}
