using System.Globalization;
using System.Text.Json.Nodes;
using FedHealth.Coordinator.Strategies;
using FedHealth.Core.Options;

namespace FedHealth.Coordinator.Composition;

/// <summary>How a composed study describes itself: the <c>config</c> object of report.json and the protections announced before it runs.</summary>
public static class StudyDescription
{
    /// <summary>The study's part of report.json's <c>config</c>: what was asked, in the flags' own terms, and the protections as planned.</summary>
    public static JsonObject ReportConfig(StudyRequest request, StudyOptions study)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(study);
        var dpOff = request.DpMode == DpMode.Off;
        var privacy = study.Privacy;
        var config = new JsonObject
        {
            ["rounds"] = request.Rounds,
            ["model"] = request.Model,
            ["hidden"] = request.Model == "mlp" ? new JsonArray(request.HiddenLayers.Select(h => (JsonNode?)h).ToArray()) : null,
            ["optimizer"] = request.Optimizer,
            ["lr"] = request.LearningRate,
            ["local_steps"] = request.EffectiveLocalSteps > 0 ? request.EffectiveLocalSteps : null,
            ["local_epochs"] = request.EffectiveLocalEpochs > 0 ? request.EffectiveLocalEpochs : null,
            ["batch_size"] = request.BatchSize,
            ["fraction_fit"] = request.FractionFit,
            ["min_fit_sites"] = request.MinFitSites,
            ["strategy"] = request.Strategy.Trim().ToLowerInvariant(),
            ["updates_seen_individually"] = StrategyCatalog.SeesIndividualUpdates(request.StrategySettings),
            ["dp"] = request.Dp,
            ["target_epsilon"] = dpOff ? null : request.EffectiveTargetEpsilon,
            ["delta"] = dpOff ? null : request.Delta,
            ["clip"] = dpOff ? null : request.AdaptiveClip ? "adaptive" : request.ClipNorm,
            ["seed"] = request.Seed,
            ["record_noise_multiplier"] = privacy.RecordLevel ? privacy.RecordNoiseMultiplier : null,
            ["record_sampling_rate"] = privacy.RecordLevel ? privacy.RecordSamplingRate : null,
            ["site_noise_multiplier"] = privacy.SiteLevel ? privacy.SiteNoiseMultiplier : null,
            ["max_epsilon"] = privacy.MaxEpsilon,
            ["secure_aggregation"] = study.SecureAggregation.Enabled,
            ["normalize"] = study.FederatedStatistics is null ? "site" : "federated",
        };

        // The model card's intended use and limitations; written only when stated, so other reports keep their shape.
        foreach (var (key, text) in new[] { ("description", request.Description), ("intended_use", request.IntendedUse), ("limitations", request.Limitations) })
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                config[key] = text;
            }
        }

        return config;
    }

    /// <summary>One line per protection in force (differential privacy, secure aggregation), for the operator before the run.</summary>
    public static IReadOnlyList<string> Protections(StudyOptions study, double simulatedDropout = 0)
    {
        ArgumentNullException.ThrowIfNull(study);
        var lines = new List<string>();
        if (study.Privacy.Mode != DpMode.Off)
        {
            lines.Add(Describe(study.Privacy, study.SecureAggregation.Enabled));
        }

        if (study.SecureAggregation.Enabled)
        {
            lines.Add($"secure aggregation (SecAgg+): the coordinator sees only the sum of the sites' updates{(simulatedDropout > 0 ? $"; simulated dropout {simulatedDropout}" : string.Empty)}");
        }

        return lines;
    }

    private static string Describe(PrivacyOptions p, bool secureAggregation)
    {
        var parts = new List<string>();
        if (p.RecordLevel)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"record-level DP-SGD σ = {p.RecordNoiseMultiplier}, C = {p.RecordClip}, q = {p.RecordSamplingRate}"));
        }

        if (p.SiteLevel)
        {
            var kind = secureAggregation ? "distributed discrete Gaussian (each site adds its share before masking)" : "central Gaussian";
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"site-level {kind} σ = {p.SiteNoiseMultiplier}, C = {p.SiteClip}"));
        }

        var budget = p.MaxEpsilon is { } max ? string.Create(CultureInfo.InvariantCulture, $"budget ε ≤ {max} at δ = {p.Delta}") : "no budget";
        return $"differential privacy: {string.Join("; ", parts)}; {budget}";
    }
}
