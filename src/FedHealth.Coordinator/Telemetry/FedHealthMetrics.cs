using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FedHealth.Coordinator.Telemetry;

/// <summary>
/// The one <see cref="Meter"/> and <see cref="ActivitySource"/> named <c>FedHealth</c>, and every
/// instrument on it (docs/operations.md lists them). Figures about rounds and sites only, never a
/// patient's value.
/// </summary>
public static class FedHealthMetrics
{
    public const string Name = "FedHealth";

    private static readonly object Gate = new();
    private static readonly List<Func<IEnumerable<KeyValuePair<string, long>>>> TlsSources = [];

    public static readonly Meter Meter = new(Name);

    /// <summary>Bucket boundaries in seconds, from a fast local round to a long hospital-side fit.</summary>
    private static readonly InstrumentAdvice<double> Seconds = new()
    {
        HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800],
    };

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Counter<long> RoundsCompleted = Meter.CreateCounter<long>(
        "fedhealth.rounds.completed", "{round}", "Rounds whose model update was committed, by study.");

    public static readonly Counter<long> RoundsAborted = Meter.CreateCounter<long>(
        "fedhealth.rounds.aborted", "{round}", "Rounds that released nothing, by study.");

    public static readonly Histogram<double> RoundDuration = Meter.CreateHistogram<double>(
        "fedhealth.round.duration", "s", "Wall time of a round, from its start to its commit, by study.", tags: null, advice: Seconds);

    public static readonly Counter<long> Dropouts = Meter.CreateCounter<long>(
        "fedhealth.secagg.dropouts", "{site}", "Sites that vanished or refused during secure aggregation, by study and stage.");

    public static readonly Counter<long> SiteFailures = Meter.CreateCounter<long>(
        "fedhealth.round.site_failures", "{site}", "Sites sampled for a round that did not deliver, by study and stage.");

    public static readonly Gauge<double> EpsilonSpent = Meter.CreateGauge<double>(
        "fedhealth.privacy.epsilon_spent", "{epsilon}", "Cumulative ε spent once the round's model was released, by study and level (record, site).");

    public static readonly Histogram<double> SiteTrainDuration = Meter.CreateHistogram<double>(
        "fedhealth.site.train.duration", "s", "Local training time of the round's sites: the slowest, and the mean of those that delivered, by study and kind.", tags: null, advice: Seconds);

    public static readonly ObservableCounter<long> TlsRefusals = Meter.CreateObservableCounter(
        "fedhealth.tls.refusals", ObserveTlsRefusals, "{connection}", "TLS peers refused by the consortium trust, by reason.");

    /// <summary>Adds a source of TLS refusal counts (reason → count so far) to <see cref="TlsRefusals"/>; dispose to remove it.</summary>
    public static IDisposable ObserveTlsRefusals(Func<IEnumerable<KeyValuePair<string, long>>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        lock (Gate)
        {
            TlsSources.Add(counts);
        }

        return new Registration(counts);
    }

    private static IEnumerable<Measurement<long>> ObserveTlsRefusals()
    {
        Func<IEnumerable<KeyValuePair<string, long>>>[] sources;
        lock (Gate)
        {
            sources = [.. TlsSources];
        }

        return sources
            .SelectMany(source => source())
            .GroupBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(g => new Measurement<long>(g.Sum(kv => kv.Value), new KeyValuePair<string, object?>("reason", g.Key)))
            .ToList();
    }

    private sealed class Registration(Func<IEnumerable<KeyValuePair<string, long>>> counts) : IDisposable
    {
        public void Dispose()
        {
            lock (Gate)
            {
                TlsSources.Remove(counts);
            }
        }
    }
}
