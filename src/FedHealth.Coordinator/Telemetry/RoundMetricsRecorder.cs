using System.Diagnostics;
using FedHealth.Coordinator.Rounds;

namespace FedHealth.Coordinator.Telemetry;

/// <summary>Turns a committed <see cref="RoundRecord"/> into the <see cref="FedHealthMetrics"/> measurements: counts, durations and ε, no patient value.</summary>
/// <remarks>One per study actor: <see cref="RoundStarted"/> opens the round's span, <see cref="RoundCommitted"/> records and closes it.</remarks>
public sealed class RoundMetricsRecorder(string study)
{
    private Activity? _round;

    public void RoundStarted(int round)
    {
        _round?.Stop();
        _round = Start(study, round);
    }

    public void RoundCommitted(RoundRecord record)
    {
        Record(study, record);
        Finish(_round, record);
        _round = null;
    }

    public static void Record(string study, RoundRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var tag = new KeyValuePair<string, object?>("study", study);
        if (record.ModelUpdated)
        {
            FedHealthMetrics.RoundsCompleted.Add(1, tag);
        }
        else
        {
            FedHealthMetrics.RoundsAborted.Add(1, tag);
        }

        FedHealthMetrics.RoundDuration.Record(record.DurationMilliseconds / 1000.0, tag);
        foreach (var dropout in record.Dropouts)
        {
            FedHealthMetrics.Dropouts.Add(1, tag, new KeyValuePair<string, object?>("stage", dropout.Stage));
        }

        foreach (var failure in record.Failures)
        {
            FedHealthMetrics.SiteFailures.Add(1, tag, new KeyValuePair<string, object?>("stage", failure.Stage));
        }

        if (record.Privacy?.EpsilonRecord is { } epsilon)
        {
            FedHealthMetrics.EpsilonSpent.Record(epsilon, tag, new KeyValuePair<string, object?>("level", "record"));
        }

        if (record.Privacy?.EpsilonSite is { } site)
        {
            FedHealthMetrics.EpsilonSpent.Record(site, tag, new KeyValuePair<string, object?>("level", "site"));
        }

        if (record.SitesSucceeded.Count > 0)
        {
            FedHealthMetrics.SiteTrainDuration.Record(record.SlowestSiteTrainMilliseconds / 1000.0, tag, new KeyValuePair<string, object?>("kind", "slowest"));
            FedHealthMetrics.SiteTrainDuration.Record(record.TotalSiteTrainMilliseconds / record.SitesSucceeded.Count / 1000.0, tag, new KeyValuePair<string, object?>("kind", "mean"));
        }
    }

    /// <summary>The round's span: started when the round starts, stopped by <see cref="Finish"/> when it is committed.</summary>
    public static Activity? Start(string study, int round) =>
        FedHealthMetrics.ActivitySource.StartActivity("fedhealth.round", ActivityKind.Internal, parentContext: default, tags: [new("study", study), new("round", round)]);

    /// <summary>Stops the round's span, tagged with its outcome and with an event per stage that dropped sites.</summary>
    public static void Finish(Activity? activity, RoundRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (activity is null)
        {
            return;
        }

        activity.SetTag("model_updated", record.ModelUpdated);
        activity.SetTag("sites_sampled", record.SitesSampled.Count);
        activity.SetTag("sites_succeeded", record.SitesSucceeded.Count);
        activity.SetTag("site_train_slowest_ms", record.SlowestSiteTrainMilliseconds);
        foreach (var stage in record.Failures.Concat(record.Dropouts).GroupBy(f => f.Stage, StringComparer.Ordinal))
        {
            activity.AddEvent(new ActivityEvent("sites dropped", tags: new ActivityTagsCollection { ["stage"] = stage.Key, ["sites"] = stage.Count() }));
        }

        if (!record.ModelUpdated)
        {
            activity.SetStatus(ActivityStatusCode.Error, record.AbortReason);
        }

        activity.Stop();
    }
}
