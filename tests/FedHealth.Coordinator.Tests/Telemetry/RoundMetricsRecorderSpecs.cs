using System.Diagnostics.Metrics;
using FedHealth.Coordinator.Privacy;
using FedHealth.Coordinator.Rounds;
using FedHealth.Coordinator.Telemetry;
using FedHealth.Core.Ids;
using FedHealth.Core.Strategy;

namespace FedHealth.Coordinator.Tests.Telemetry;

public sealed class RoundMetricsRecorderSpecs
{
    private static readonly SiteId[] Sites = [new("a"), new("b"), new("c")];

    [Fact]
    public void A_committed_round_counts_as_completed_with_its_duration_dropouts_epsilon_and_site_training_times()
    {
        var record = Round(modelUpdated: true) with
        {
            Privacy = new PrivacySpent(EpsilonRecord: 1.5, EpsilonSite: null, Delta: 1e-5),
            Dropouts = [new SiteFailure(Sites[2], "masked-input", "timeout")],
        };

        var measurements = Measure("study-committed", record);

        Assert.Equal([1.0], Values(measurements, "fedhealth.rounds.completed"));
        Assert.Empty(Values(measurements, "fedhealth.rounds.aborted"));
        Assert.Equal([2.5], Values(measurements, "fedhealth.round.duration"));
        Assert.Equal([1.5], Values(measurements, "fedhealth.privacy.epsilon_spent"));
        Assert.Equal("record", measurements.Single(m => m.Instrument == "fedhealth.privacy.epsilon_spent").Tags["level"]);
        Assert.Equal("masked-input", measurements.Single(m => m.Instrument == "fedhealth.secagg.dropouts").Tags["stage"]);
        Assert.Equal([0.9, 0.75], Values(measurements, "fedhealth.site.train.duration"));
        Assert.All(measurements, m => Assert.Equal("study-committed", m.Tags["study"]));
    }

    [Fact]
    public void A_round_that_released_nothing_counts_as_aborted_with_its_failures_by_stage_and_no_epsilon()
    {
        var record = Round(modelUpdated: false) with
        {
            Failures = [new SiteFailure(Sites[0], "fit", "timeout"), new SiteFailure(Sites[1], "fit", "refused")],
        };

        var measurements = Measure("study-aborted", record);

        Assert.Equal([1.0], Values(measurements, "fedhealth.rounds.aborted"));
        Assert.Empty(Values(measurements, "fedhealth.rounds.completed"));
        Assert.Empty(Values(measurements, "fedhealth.privacy.epsilon_spent"));
        Assert.Equal([1.0, 1.0], Values(measurements, "fedhealth.round.site_failures"));
        Assert.All(measurements.Where(m => m.Instrument == "fedhealth.round.site_failures"), m => Assert.Equal("fit", m.Tags["stage"]));
    }

    private static RoundRecord Round(bool modelUpdated) =>
        new(1, Sites, modelUpdated ? Sites[..2] : [], [], modelUpdated, modelUpdated ? null : "too few sites", 0.4, null,
            DurationMilliseconds: 2500, SlowestSiteTrainMilliseconds: 900, TotalSiteTrainMilliseconds: 1500, ModelHash: "hash");

    private static double[] Values(IEnumerable<Measured> measurements, string instrument) =>
        [.. measurements.Where(m => m.Instrument == instrument).Select(m => m.Value)];

    /// <summary>The measurements of the FedHealth meter while recording, for this study only (other specs may record at the same time).</summary>
    private static List<Measured> Measure(string study, RoundRecord record)
    {
        var measured = new List<Measured>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == FedHealthMetrics.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.Start();

        RoundMetricsRecorder.Record(study, record);

        lock (measured)
        {
            return [.. measured.Where(m => Equals(m.Tags.GetValueOrDefault("study"), study))];
        }

        void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                map[tag.Key] = tag.Value;
            }

            lock (measured)
            {
                measured.Add(new Measured(instrument.Name, value, map));
            }
        }
    }

    private sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
}
