using System.Globalization;
using FedHealth.Cli.Commands.Services;
using FedHealth.Cli.Commands.Sim;
using FedHealth.Core.Options;
using FedHealth.Core.Training;
using FedHealth.Pki.Identity;

namespace FedHealth.Cli.Commands.Coordinator;

/// <summary>coordinator.json (docs/configuration.md): <c>Coordinator</c>, <c>Study</c>, <c>Schema</c>.</summary>
internal sealed class CoordinatorConfig
{
    public CoordinatorSection Coordinator { get; set; } = new();

    public StudySection Study { get; set; } = new();

    public SchemaSection Schema { get; set; } = new();

    /// <summary>Every problem, each naming its key; empty when the configuration can run.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var tls = Coordinator.Tls;
        ServiceChecks.Endpoint("Coordinator:Bind", Coordinator.Bind, allowAnyPort: false, problems);
        ServiceChecks.Tls("Coordinator:Tls", tls, requireCrl: true, problems);
        if (string.IsNullOrWhiteSpace(Coordinator.Output))
        {
            problems.Add("Coordinator:Output is required: the folder for report.json and privacy-ledger.json.");
        }

        if (Coordinator.Transfer.Port is < 0 or > 65535 || Coordinator.Transfer.ThresholdBytes < 0)
        {
            problems.Add($"Coordinator:Transfer: Port must be 0–65535 and ThresholdBytes ≥ 0 (got {Coordinator.Transfer.Port}, {Coordinator.Transfer.ThresholdBytes}).");
        }

        if (!(Coordinator.RegistrationTimeoutSeconds > 0))
        {
            problems.Add("Coordinator:RegistrationTimeoutSeconds must be positive.");
        }

        if (Study.Sites.Count == 0)
        {
            problems.Add("Study:Sites must list the enrolled site ids.");
        }

        foreach (var site in Study.Sites.Where(s => !PeerIds.IsValid(s)))
        {
            problems.Add($"Study:Sites: '{site}' is not a valid site id (letters, digits, '-', '_', '.', 1–64 characters).");
        }

        if (Study.Sites.Distinct(StringComparer.Ordinal).Count() != Study.Sites.Count)
        {
            problems.Add("Study:Sites lists a site twice.");
        }

        if (Study.Model is not ("logreg" or "mlp"))
        {
            problems.Add($"Study:Model must be logreg or mlp (got '{Study.Model}').");
        }

        if (Study.Optimizer is not ("sgd" or "adam"))
        {
            problems.Add($"Study:Optimizer must be sgd or adam (got '{Study.Optimizer}').");
        }

        if (Study.Dp is not ("off" or "record" or "site" or "both"))
        {
            problems.Add($"Study:Dp must be off, record, site or both (got '{Study.Dp}').");
        }

        if (Study.Normalize is not (null or "site" or "federated"))
        {
            problems.Add($"Study:Normalize must be site or federated (got '{Study.Normalize}').");
        }

        if (Study.LocalSteps is not null && Study.LocalEpochs is not null)
        {
            problems.Add("Study: give LocalSteps or LocalEpochs, not both.");
        }

        ServiceChecks.Schema(Schema, problems);
        return problems;
    }

    /// <summary>The <c>sim</c> settings these values stand for (the same planner turns them into a study).</summary>
    public SimSettings ToSettings()
    {
        var study = Study;
        var adaptive = study.Clip.Equals("adaptive", StringComparison.OrdinalIgnoreCase);
        var settings = new SimSettings
        {
            Rounds = study.Rounds,
            Model = study.Model == "mlp" ? ModelKind.Mlp : ModelKind.LogisticRegression,
            Hidden = study.Hidden.Count > 0 ? study.Hidden : [32, 16],
            Optimizer = study.Optimizer == "adam" ? OptimizerKind.Adam : OptimizerKind.Sgd,
            LearningRate = study.LearningRate,
            BatchSize = study.BatchSize,
            LocalSteps = study.LocalEpochs is null ? study.LocalSteps ?? 100 : 0,
            LocalEpochs = study.LocalEpochs ?? 0,
            FractionFit = study.FractionFit,
            MinFitSites = study.MinFitSites,
            MinAvailableSites = study.MinAvailableSites,
            FitTimeout = TimeSpan.FromSeconds(study.FitTimeoutSeconds),
            StageTimeout = TimeSpan.FromSeconds(study.StageTimeoutSeconds),
            RegistrationTimeout = TimeSpan.FromSeconds(Coordinator.RegistrationTimeoutSeconds),
            Dp = Enum.Parse<DpMode>(study.Dp, ignoreCase: true),
            TargetEpsilon = study.TargetEpsilon,
            Delta = study.Delta,
            NoiseMultiplier = study.NoiseMultiplier,
            Clip = adaptive ? 1.0 : double.Parse(study.Clip, NumberStyles.Float, CultureInfo.InvariantCulture),
            AdaptiveClip = adaptive,
            SamplingRate = study.SamplingRate,
            MaxEpsilon = study.MaxEpsilon,
            SecureAggregation = study.SecureAggregation,
            FederatedNormalization = study.Normalize switch { "federated" => true, "site" => false, _ => null },
            Seed = study.Seed,
        };
        return settings.Dp != DpMode.Off && settings.TargetEpsilon is null && settings.NoiseMultiplier is null
            ? settings with { TargetEpsilon = PrivacyPlanner.DefaultEpsilon }
            : settings;
    }
}
