using System.Text.Json.Nodes;
using FedHealth.Core.Options;
using FedHealth.Core.Training;

namespace FedHealth.Cli.Commands.Sim.Processes;

/// <summary>
/// The <c>Study</c> section of coordinator.json for the flags of <c>sim</c>: the same names and
/// meanings (docs/configuration.md). Flags left at "decide for me" (--min-fit-sites,
/// --secure-aggregation, --normalize) are left out, so the coordinator applies the same defaults.
/// </summary>
internal static class ProcessStudySection
{
    /// <param name="samplingRate">DP-SGD's q; required with record-level DP, because the coordinator does not know the sites' sizes.</param>
    public static JsonObject Build(SimSettings settings, IReadOnlyList<string> sites, double? samplingRate)
    {
        var study = new JsonObject
        {
            ["Id"] = $"sim-{settings.Seed}",
            ["Sites"] = new JsonArray([.. sites.Select(s => (JsonNode?)s)]),
            ["Rounds"] = settings.Rounds,
            ["Model"] = settings.Model == ModelKind.Mlp ? "mlp" : "logreg",
            ["Hidden"] = settings.Model == ModelKind.Mlp ? new JsonArray([.. settings.Hidden.Select(h => (JsonNode?)h)]) : new JsonArray(),
            ["Optimizer"] = settings.Optimizer == OptimizerKind.Adam ? "adam" : "sgd",
            ["LearningRate"] = settings.LearningRate,
            ["BatchSize"] = settings.BatchSize,
        };
        if (settings.LocalEpochs > 0)
        {
            study["LocalEpochs"] = settings.LocalEpochs;
        }
        else
        {
            study["LocalSteps"] = settings.LocalSteps;
        }

        study["FractionFit"] = settings.FractionFit;
        if (settings.MinFitSites is { } minFit)
        {
            study["MinFitSites"] = minFit;
        }

        study["FitTimeoutSeconds"] = Seconds(settings.FitTimeout);
        study["StageTimeoutSeconds"] = Seconds(settings.StageTimeout);
        if (settings.SecureAggregation is { } secure)
        {
            study["SecureAggregation"] = secure;
        }

        if (settings.FederatedNormalization is { } federated)
        {
            study["Normalize"] = federated ? "federated" : "site";
        }

        study["Dp"] = settings.Dp.ToString().ToLowerInvariant();
        if (settings.Dp != DpMode.Off)
        {
            AddPrivacy(study, settings, samplingRate);
        }

        study["Seed"] = settings.Seed;
        return study;
    }

    private static void AddPrivacy(JsonObject study, SimSettings settings, double? samplingRate)
    {
        if (settings.TargetEpsilon is { } epsilon)
        {
            study["TargetEpsilon"] = epsilon;
        }

        if (settings.NoiseMultiplier is { } sigma)
        {
            study["NoiseMultiplier"] = sigma;
        }

        study["Delta"] = settings.Delta;
        study["Clip"] = settings.AdaptiveClip ? "adaptive" : settings.Clip;
        if (settings.Dp is DpMode.Record or DpMode.Both)
        {
            study["SamplingRate"] = samplingRate ?? throw new ArgumentNullException(nameof(samplingRate), "Record-level DP needs the sampling rate.");
        }

        if (settings.MaxEpsilon is { } budget)
        {
            study["MaxEpsilon"] = budget;
        }
    }

    /// <summary>Whole seconds as an integer (as the contract writes them), fractions as they are.</summary>
    private static JsonNode Seconds(TimeSpan span) =>
        span.TotalSeconds == Math.Floor(span.TotalSeconds) && span.TotalSeconds <= int.MaxValue
            ? JsonValue.Create((int)span.TotalSeconds)
            : JsonValue.Create(span.TotalSeconds);
}
