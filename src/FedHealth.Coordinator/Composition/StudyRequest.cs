using System.Globalization;
using System.Text.Json.Serialization;
using FedHealth.Coordinator.Strategies;
using FedHealth.Core.Options;
using FedHealth.Core.Training;

namespace FedHealth.Coordinator.Composition;

/// <summary>
/// Every setting of a study, in the words of the <c>sim</c> flags and of coordinator.json's
/// <c>Study</c> section (docs/configuration.md), each default declared here and nowhere else.
/// The coordinator's configuration binds to it; <c>sim</c> fills it from its flags; <c>sim
/// --processes</c> serialises it into the coordinator's configuration. Null means "decide for me"
/// (the rule is in <see cref="StudyPlanner"/>).
/// </summary>
public sealed record StudyRequest
{
    /// <summary>The default local steps per round, when neither steps nor epochs are given.</summary>
    public const int DefaultLocalSteps = 100;

    /// <summary>The ε a run spends when DP is on and neither a target nor a noise multiplier is given.</summary>
    public const double DefaultEpsilon = 4.0;

    [JsonIgnore]
    public static StudyRequest Default { get; } = new();

    public string Id { get; init; } = "study";

    /// <summary>What the study is for, in the consortium's words (the model card's intended use); null: not stated.</summary>
    public string? Description { get; init; }

    /// <summary>Who may use the model, for what decisions (the model card's intended use); null: not stated.</summary>
    public string? IntendedUse { get; init; }

    /// <summary>Known limitations: populations, settings or decisions the model is not for (the model card); null: not stated.</summary>
    public string? Limitations { get; init; }

    // Arrays (not read-only lists) so that the configuration binder can fill them.

    /// <summary>The enrolled site ids (a coordinator's study); empty when the sites come from the data (<c>sim</c>).</summary>
    public string[] Sites { get; init; } = [];

    public int Rounds { get; init; } = 20;

    /// <summary><c>logreg</c> or <c>mlp</c>.</summary>
    public string Model { get; init; } = "logreg";

    /// <summary>The MLP's hidden layer sizes; null = 32, 16.</summary>
    public int[]? Hidden { get; init; }

    /// <summary><c>sgd</c> or <c>adam</c>.</summary>
    public string Optimizer { get; init; } = "sgd";

    public double LearningRate { get; init; } = 0.01;

    public int BatchSize { get; init; } = 8;

    /// <summary>Local mini-batch steps per round; null = <see cref="DefaultLocalSteps"/> unless <see cref="LocalEpochs"/> is given.</summary>
    public int? LocalSteps { get; init; }

    public int? LocalEpochs { get; init; }

    public double FractionFit { get; init; } = 1.0;

    /// <summary>Null = half the sampled sites, rounded up (at least 1).</summary>
    public int? MinFitSites { get; init; }

    /// <summary>Null = every site.</summary>
    public int? MinAvailableSites { get; init; }

    public double FitTimeoutSeconds { get; init; } = 300;

    /// <summary>How long each secure-aggregation stage waits for the sites (the masked input waits the fit timeout).</summary>
    public double StageTimeoutSeconds { get; init; } = 10;

    /// <summary>Null = on with at least 3 sites (unless site-level DP clips adaptively).</summary>
    public bool? SecureAggregation { get; init; }

    /// <summary><c>site</c> or <c>federated</c>; null = federated when secure aggregation is on.</summary>
    public string? Normalize { get; init; }

    /// <summary><c>off</c>, <c>record</c>, <c>site</c> or <c>both</c>.</summary>
    public string Dp { get; init; } = "record";

    /// <summary>Null = <see cref="DefaultEpsilon"/> when DP is on and no <see cref="NoiseMultiplier"/> is given.</summary>
    public double? TargetEpsilon { get; init; }

    public double Delta { get; init; } = 1e-3;

    public double? NoiseMultiplier { get; init; }

    /// <summary>The L2 clip (a positive number) or <c>adaptive</c> (site-level: follows the median update norm, starting at 1).</summary>
    public string Clip { get; init; } = "1";

    /// <summary>DP-SGD's Poisson sampling rate; null = the host's default (sim: the batch over the median site's rows).</summary>
    public double? SamplingRate { get; init; }

    /// <summary>Null = <see cref="TargetEpsilon"/>.</summary>
    public double? MaxEpsilon { get; init; }

    public int Seed { get; init; } = 42;

    /// <summary>The study ends as <c>aborted</c> once this many rounds in a row released nothing.</summary>
    public int MaxConsecutiveAbortedRounds { get; init; } = 3;

    /// <summary>The aggregation strategy (docs/strategies.md): <c>fedavg</c>, <c>fedavgm</c>, <c>fedprox</c>, <c>fedadam</c>, <c>fedyogi</c>, <c>fedadagrad</c>, <c>median</c>, <c>trimmed-mean</c>, <c>krum</c>, <c>multi-krum</c>.</summary>
    public string Strategy { get; init; } = "fedavg";

    /// <summary>The strategy's parameters; null = its documented default (a parameter it does not take is refused).</summary>
    public double? ServerLearningRate { get; init; }

    public double? Beta1 { get; init; }

    public double? Beta2 { get; init; }

    public double? Tau { get; init; }

    public double? Momentum { get; init; }

    public double? ProximalMu { get; init; }

    public double? TrimBeta { get; init; }

    public int? Byzantine { get; init; }

    [JsonIgnore]
    public StrategySettings StrategySettings =>
        new(Strategy, ServerLearningRate, Beta1, Beta2, Tau, Momentum, ProximalMu, TrimBeta, Byzantine);

    [JsonIgnore]
    public ModelKind ModelKind => Model == "mlp" ? ModelKind.Mlp : ModelKind.LogisticRegression;

    [JsonIgnore]
    public OptimizerKind OptimizerKind => Optimizer == "adam" ? OptimizerKind.Adam : OptimizerKind.Sgd;

    [JsonIgnore]
    public DpMode DpMode => Enum.TryParse<DpMode>(Dp, ignoreCase: true, out var mode) ? mode : DpMode.Record;

    [JsonIgnore]
    public IReadOnlyList<int> HiddenLayers => Hidden is { Length: > 0 } hidden ? hidden : [32, 16];

    [JsonIgnore]
    public int EffectiveLocalSteps => LocalEpochs is null ? LocalSteps ?? DefaultLocalSteps : 0;

    [JsonIgnore]
    public int EffectiveLocalEpochs => LocalEpochs ?? 0;

    [JsonIgnore]
    public bool AdaptiveClip => string.Equals(Clip, "adaptive", StringComparison.OrdinalIgnoreCase);

    [JsonIgnore]
    public double ClipNorm => AdaptiveClip ? 1.0 : double.Parse(Clip, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The ε the noise is calibrated to: the given target, or the protective default when DP is on and no σ is given.</summary>
    [JsonIgnore]
    public double? EffectiveTargetEpsilon =>
        TargetEpsilon ?? (DpMode != DpMode.Off && NoiseMultiplier is null ? DefaultEpsilon : null);

    /// <summary>Every problem with the values themselves, each naming its key under <paramref name="section"/>; empty when they can run.</summary>
    public IReadOnlyList<string> Problems(string section)
    {
        var problems = new List<string>();
        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add($"{section}{problem}");
            }
        }

        Check(Rounds >= 1, $"Rounds must be at least 1 (got {Rounds}).");
        Check(MaxConsecutiveAbortedRounds >= 1, $"MaxConsecutiveAbortedRounds must be at least 1 (got {MaxConsecutiveAbortedRounds}).");
        Check(Model is "logreg" or "mlp", $"Model must be logreg or mlp (got '{Model}').");
        Check(Hidden is null || Hidden.All(h => h >= 1), "Hidden takes positive layer sizes.");
        Check(Optimizer is "sgd" or "adam", $"Optimizer must be sgd or adam (got '{Optimizer}').");
        Check(LearningRate > 0 && double.IsFinite(LearningRate), $"LearningRate must be a positive number (got {Format(LearningRate)}).");
        Check(BatchSize >= 1, $"BatchSize must be at least 1 (got {BatchSize}).");
        Check(LocalSteps is null || LocalEpochs is null, ": give LocalSteps or LocalEpochs, not both.");
        Check(LocalSteps is null or >= 1 && LocalEpochs is null or >= 1, "LocalSteps and LocalEpochs must be at least 1.");
        Check(FractionFit > 0 && FractionFit <= 1, $"FractionFit must be in (0, 1] (got {Format(FractionFit)}).");
        Check(FitTimeoutSeconds > 0 && StageTimeoutSeconds > 0, "FitTimeoutSeconds and StageTimeoutSeconds must be positive.");
        Check(Dp is "off" or "record" or "site" or "both", $"Dp must be off, record, site or both (got '{Dp}').");
        Check(Normalize is null or "site" or "federated", $"Normalize must be site or federated (got '{Normalize}').");
        Check(AdaptiveClip || (double.TryParse(Clip, NumberStyles.Float, CultureInfo.InvariantCulture, out var clip) && clip > 0 && double.IsFinite(clip)),
            $"Clip takes a positive number or 'adaptive' (got '{Clip}').");
        return problems;
    }

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
