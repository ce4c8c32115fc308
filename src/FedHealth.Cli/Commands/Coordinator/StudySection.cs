using FedHealth.Cli.Commands.Services;

namespace FedHealth.Cli.Commands.Coordinator;

/// <summary>The study a coordinator runs: the same meanings and defaults as the <c>sim</c> flags of the same names.</summary>
internal sealed class StudySection
{
    public string Id { get; set; } = "study";

    public List<string> Sites { get; set; } = [];

    public int Rounds { get; set; } = 20;

    public string Model { get; set; } = "logreg";

    public List<int> Hidden { get; set; } = [];

    public string Optimizer { get; set; } = "sgd";

    public double LearningRate { get; set; } = 0.01;

    public int BatchSize { get; set; } = 8;

    public int? LocalSteps { get; set; }

    public int? LocalEpochs { get; set; }

    public double FractionFit { get; set; } = 1.0;

    public int? MinFitSites { get; set; }

    public int? MinAvailableSites { get; set; }

    public double FitTimeoutSeconds { get; set; } = 300;

    public double StageTimeoutSeconds { get; set; } = 30;

    public bool? SecureAggregation { get; set; }

    public string? Normalize { get; set; }

    public string Dp { get; set; } = "record";

    public double? TargetEpsilon { get; set; }

    public double Delta { get; set; } = 1e-3;

    public double? NoiseMultiplier { get; set; }

    public string Clip { get; set; } = "1";

    public double? SamplingRate { get; set; }

    public double? MaxEpsilon { get; set; }

    public int Seed { get; set; } = 42;
}
