using System.Globalization;
using FedHealth.Models.Manifests;
using ScottPlot;

namespace FedHealth.Models.Figures;

/// <summary>The model card's feature-effects and privacy figures as PNG bytes (ScottPlot).</summary>
public static class EffectFigures
{
    public const string FeatureEffectsFile = "feature-effects.png";

    public const string PrivacyFile = "privacy.png";

    /// <summary>Horizontal bars, largest magnitude at the top: one per feature; null without any.</summary>
    public static byte[]? FeatureBars(IReadOnlyList<(string Feature, double Value)> effects, string title, string axis)
    {
        ArgumentNullException.ThrowIfNull(effects);
        var shown = effects.Where(e => double.IsFinite(e.Value)).OrderBy(e => Math.Abs(e.Value)).ToList();
        if (shown.Count == 0)
        {
            return null;
        }

        var plot = new Plot();
        var bars = shown.Select((e, i) => new Bar
        {
            Position = i,
            Value = e.Value,
            Label = e.Value.ToString("0.###", CultureInfo.InvariantCulture),
            FillColor = e.Value >= 0 ? Colors.IndianRed : Colors.SteelBlue,
        }).ToList();
        var series = plot.Add.Bars(bars);
        series.Horizontal = true;
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, shown.Count).Select(i => (double)i)], [.. shown.Select(e => e.Feature)]);
        plot.Title(title);
        plot.XLabel(axis);
        return plot.GetImageBytes(ModelFigures.Width, Math.Max(ModelFigures.Height, 60 + (22 * shown.Count)), ImageFormat.Png);
    }

    /// <summary>The cumulative ε after each round, per privacy scope; null when the study spent none.</summary>
    public static byte[]? PrivacyPerRound(ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var plot = new Plot();
        var any = false;
        foreach (var (label, value) in new (string, Func<RoundMetrics, double?>)[] { ("record-level ε", r => r.EpsilonRecord), ("site-level ε", r => r.EpsilonSite) })
        {
            var points = manifest.History.Where(r => value(r) is not null).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            any = true;
            var series = plot.Add.Scatter(points.Select(r => (double)r.Round).ToArray(), points.Select(r => value(r)!.Value).ToArray());
            series.LegendText = label;
        }

        if (!any)
        {
            return null;
        }

        plot.Title($"Privacy spent, cumulative (δ = {manifest.Privacy.Delta?.ToString(CultureInfo.InvariantCulture) ?? "–"})");
        plot.XLabel("round");
        plot.YLabel("ε");
        plot.ShowLegend(Alignment.LowerRight);
        return plot.GetImageBytes(ModelFigures.Width, ModelFigures.Height, ImageFormat.Png);
    }
}
