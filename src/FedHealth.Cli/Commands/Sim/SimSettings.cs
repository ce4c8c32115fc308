using System.Text.Json.Nodes;
using FedHealth.Core.Options;
using FedHealth.Core.Training;

namespace FedHealth.Cli.Commands.Sim;

/// <summary>Everything `fedhealth sim` was asked to do, after parsing and validation.</summary>
internal sealed record SimSettings
{
    public const string SyntheticData = "synthetic";

    public string Data { get; init; } = SyntheticData;

    public string? Label { get; init; }

    public string? SiteColumn { get; init; }

    public string? SplitColumn { get; init; }

    public IReadOnlyList<string> CategoricalColumns { get; init; } = [];

    public int? Sites { get; init; }

    public double? DirichletAlpha { get; init; }

    public double TestFraction { get; init; } = 0.25;

    public int Rounds { get; init; } = 20;

    public ModelKind Model { get; init; } = ModelKind.LogisticRegression;

    public IReadOnlyList<int> Hidden { get; init; } = [32, 16];

    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Sgd;

    public double LearningRate { get; init; } = 0.01;

    public int LocalSteps { get; init; }

    public int LocalEpochs { get; init; }

    public int BatchSize { get; init; } = 8;

    public double FractionFit { get; init; } = 1.0;

    public int? MinFitSites { get; init; }

    public TimeSpan FitTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan StageTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public DpMode Dp { get; init; } = DpMode.Record;

    public double? TargetEpsilon { get; init; }

    public double Delta { get; init; } = 1e-3;

    public double? NoiseMultiplier { get; init; }

    public double Clip { get; init; } = 1.0;

    /// <summary>Site-level DP clips adaptively, starting at <see cref="Clip"/>.</summary>
    public bool AdaptiveClip { get; init; }

    public double? SamplingRate { get; init; }

    public double? MaxEpsilon { get; init; }

    /// <summary>Secure aggregation: null = on when there are at least 3 sites (and no adaptive site-level clip).</summary>
    public bool? SecureAggregation { get; init; }

    /// <summary>The study starts once this many sites are connected; null = all of them.</summary>
    public int? MinAvailableSites { get; init; }

    /// <summary>How long the study waits for <see cref="MinAvailableSites"/> sites.</summary>
    public TimeSpan RegistrationTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Pooled feature statistics by secure aggregation (true), each site's own (false); null = pooled when secure aggregation is on.</summary>
    public bool? FederatedNormalization { get; init; }

    /// <summary>Simulation: the probability that a site vanishes at a random stage of a round.</summary>
    public double Dropout { get; init; }

    public int Seed { get; init; } = 42;

    public string? Out { get; init; }

    public bool Json { get; init; }

    /// <summary>Run the coordinator and every site as separate <c>fedhealth</c> processes over mutual TLS on loopback (docs/simulation.md).</summary>
    public bool Processes { get; init; }

    public bool IsSynthetic => string.Equals(Data, SyntheticData, StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>config</c> object of report.json: what was run, in the flags' own terms.</summary>
    public JsonObject ToReportConfig() => new()
    {
        ["data"] = Data,
        ["label"] = Label,
        ["site_column"] = SiteColumn,
        ["split_column"] = SplitColumn,
        ["sites"] = Sites,
        ["partition"] = DirichletAlpha is { } alpha ? $"dirichlet:{alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : null,
        ["test_fraction"] = SplitColumn is null ? TestFraction : null,
        ["rounds"] = Rounds,
        ["model"] = Model == ModelKind.LogisticRegression ? "logreg" : "mlp",
        ["hidden"] = Model == ModelKind.Mlp ? new JsonArray(Hidden.Select(h => (JsonNode?)h).ToArray()) : null,
        ["optimizer"] = Optimizer == OptimizerKind.Sgd ? "sgd" : "adam",
        ["lr"] = LearningRate,
        ["local_steps"] = LocalSteps > 0 ? LocalSteps : null,
        ["local_epochs"] = LocalEpochs > 0 ? LocalEpochs : null,
        ["batch_size"] = BatchSize,
        ["fraction_fit"] = FractionFit,
        ["min_fit_sites"] = MinFitSites,
        ["strategy"] = "fedavg",
        ["normalize"] = "site",
        ["dropout"] = Dropout,
        ["dp"] = Dp.ToString().ToLowerInvariant(),
        ["target_epsilon"] = Dp == DpMode.Off ? null : TargetEpsilon,
        ["delta"] = Dp == DpMode.Off ? null : Delta,
        ["clip"] = Dp == DpMode.Off ? null : AdaptiveClip ? "adaptive" : Clip,
        ["seed"] = Seed,
    };
}
