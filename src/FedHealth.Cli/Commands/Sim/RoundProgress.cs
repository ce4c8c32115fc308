using System.Globalization;
using FedHealth.Coordinator.Study;
using Spectre.Console;

namespace FedHealth.Cli.Commands.Sim;

/// <summary>One line per finished round on stderr, so progress never mixes with results on stdout.</summary>
internal sealed class RoundProgress(IAnsiConsole console) : IProgress<RoundFinished>
{
    public void Report(RoundFinished value)
    {
        var r = value.Record;
        var evaluation = r.Evaluation;
        var outcome = r.AbortReason is null
            ? $"acc {Format(evaluation?.Accuracy)}  auc {Format(evaluation?.Auc)}  mean site acc {Format(evaluation?.MeanSiteAccuracy)}"
            : $"[yellow]aborted: {Markup.Escape(r.AbortReason)}[/]";
        console.MarkupLine(
            $"round {r.Round,3}/{value.TotalRounds}  sites {r.SitesSucceeded.Count}/{r.SitesSampled.Count}  {outcome}  [grey]{r.DurationMilliseconds / 1000:0.00} s[/]");
    }

    private static string Format(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "  -  ";
}
