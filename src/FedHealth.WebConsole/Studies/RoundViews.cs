using FedHealth.Coordinator.Rounds;
using FedHealth.Coordinator.Study;

namespace FedHealth.WebConsole.Studies;

/// <summary>Turns the study's events into <see cref="RoundView"/>s: counts, released metrics and ε only, never a patient value.</summary>
internal static class RoundViews
{
    public static RoundView Started(RoundStarted started) =>
        new(started.Round, RoundView.Running, started.ConnectedSites.Count, 0, 0, [], false,
            null, null, null, null, null, null, null, started.At, null);

    /// <param name="started">The round's start, if the console saw it (it may have opened mid-round).</param>
    public static RoundView Finished(RoundCommitted committed, RoundView? started)
    {
        var record = committed.Record;
        var dropped = record.Failures.Concat(record.Dropouts)
            .Select(f => new DroppedSite(f.Site.Value, f.Stage, f.Reason))
            .ToList();
        return new RoundView(
            record.Round,
            record.ModelUpdated ? RoundView.Committed : RoundView.Aborted,
            started?.SitesConnected ?? record.SitesSampled.Count,
            record.SitesSampled.Count,
            record.SitesSucceeded.Count,
            dropped,
            record.SecureAggregation,
            Finite(record.Evaluation?.Auc),
            Finite(record.Evaluation?.Accuracy),
            Finite(record.Evaluation?.Loss) ?? Finite(record.TrainLoss),
            record.Privacy?.EpsilonRecord,
            record.Privacy?.EpsilonSite,
            Finite(record.DurationMilliseconds),
            record.AbortReason,
            started?.StartedAt ?? committed.At,
            committed.At);
    }

    /// <summary>The larger of the two cumulative ε of a round; null without DP.</summary>
    public static double? Epsilon(RoundRecord record) =>
        (record.Privacy?.EpsilonRecord, record.Privacy?.EpsilonSite) switch
        {
            ({ } r, { } s) => Math.Max(r, s),
            ({ } r, null) => r,
            (null, { } s) => s,
            _ => null,
        };

    // JSON has no NaN; a figure that was not measured is absent.
    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
