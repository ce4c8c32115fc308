using FedHealth.Coordinator.Aggregation;
using FedHealth.Core.Strategy;

namespace FedHealth.Coordinator.Strategies;

/// <summary>
/// Every strategy by name, its parameters and their defaults, and where it composes with secure
/// aggregation and site-level DP (docs/strategies.md has the matrix).
/// </summary>
public static class StrategyCatalog
{
    public const double DefaultBeta1 = 0.9;
    public const double DefaultBeta2 = 0.99;
    public const double DefaultTau = 1e-3;
    public const double DefaultMomentum = 0.9;
    public const double DefaultProximalMu = 0.01;
    public const double DefaultTrimBeta = 0.2;
    public const int DefaultByzantine = 1;

    private const string ServerLr = "--server-lr";
    private const string Beta1Flag = "--beta1";
    private const string Beta2Flag = "--beta2";
    private const string TauFlag = "--tau";
    private const string MomentumFlag = "--momentum";
    private const string MuFlag = "--proximal-mu";
    private const string TrimFlag = "--trim-beta";
    private const string ByzantineFlag = "--byzantine";

    /// <summary>The parameters (by flag) each strategy takes, in the order the names are listed.</summary>
    private static readonly Dictionary<string, string[]> Parameters = new(StringComparer.Ordinal)
    {
        ["fedavg"] = [],
        ["fedavgm"] = [ServerLr, MomentumFlag],
        ["fedprox"] = [MuFlag],
        ["fedadam"] = [ServerLr, Beta1Flag, Beta2Flag, TauFlag],
        ["fedyogi"] = [ServerLr, Beta1Flag, Beta2Flag, TauFlag],
        ["fedadagrad"] = [ServerLr, Beta1Flag, TauFlag],
        ["median"] = [],
        ["trimmed-mean"] = [TrimFlag],
        ["krum"] = [ByzantineFlag],
        ["multi-krum"] = [ByzantineFlag],
    };

    private static readonly HashSet<string> Robust = new(StringComparer.Ordinal) { "median", "trimmed-mean", "krum", "multi-krum" };

    public static IReadOnlyList<string> Names { get; } = [.. Parameters.Keys];

    /// <summary>The flags a strategy takes (for help texts and errors); the name is checked.</summary>
    public static IReadOnlyList<string> FlagsOf(string name) => Parameters[Canonical(name)];

    /// <summary>The server learning rate η a strategy uses when none is given.</summary>
    public static double DefaultServerLearningRate(string name) => Canonical(name) switch
    {
        "fedavgm" => 1.0,
        "fedadam" or "fedyogi" or "fedadagrad" => 0.1,
        var other => throw new ArgumentException($"The strategy {other} has no server learning rate.", nameof(name)),
    };

    /// <summary>The strategy, with its parameters checked; errors name the flag and the valid range or choices.</summary>
    public static IStrategy Create(StrategySettings settings, FedAvgOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = Check(settings);
        return name switch
        {
            "fedavg" => new FedAvg(options),
            "fedavgm" => new ServerOptimizerStrategy(options, new ServerMomentum(
                settings.ServerLearningRate ?? DefaultServerLearningRate(name), settings.Momentum ?? DefaultMomentum)),
            "fedprox" => new FedProx(options, settings.ProximalMu ?? DefaultProximalMu),
            "fedadam" => Adaptive(AdaptiveRule.Adam, name, settings, options),
            "fedyogi" => Adaptive(AdaptiveRule.Yogi, name, settings, options),
            "fedadagrad" => Adaptive(AdaptiveRule.Adagrad, name, settings, options),
            "median" => new RobustStrategy(options, new CoordinateMedian()),
            "trimmed-mean" => new RobustStrategy(options, new TrimmedMean(settings.TrimBeta ?? DefaultTrimBeta)),
            "krum" => new RobustStrategy(options, new Krum(settings.Byzantine ?? DefaultByzantine, multi: false)),
            _ => new RobustStrategy(options, new Krum(settings.Byzantine ?? DefaultByzantine, multi: true)),
        };
    }

    /// <summary>Whether the strategy sees each site's update on its own (the report says so).</summary>
    public static bool SeesIndividualUpdates(StrategySettings settings) => Robust.Contains(Check(settings));

    /// <summary>Why the strategy cannot run under secure aggregation, or null when it can.</summary>
    public static string? RefusalUnderSecureAggregation(StrategySettings settings)
    {
        var name = Check(settings);
        return Robust.Contains(name)
            ? $"The strategy {name} needs each site's update individually, but secure aggregation releases only their sum. " +
              "To use it, turn secure aggregation off (--secure-aggregation off); the report then says the updates were seen individually. " +
              $"To keep secure aggregation, choose one of {string.Join(", ", Names.Where(n => !Robust.Contains(n)))}."
            : null;
    }

    /// <summary>Why the strategy cannot run under site-level (central) DP, or null when it can.</summary>
    public static string? RefusalUnderSiteLevelDp(StrategySettings settings)
    {
        var name = Check(settings);
        return Robust.Contains(name)
            ? $"The strategy {name} cannot run with site-level DP: the DP guarantee is for the noised mean of the clipped updates, " +
              $"and {name} would replace that mean. Use --dp record (or off) with {name}, or a mean-based strategy with site-level DP."
            : null;
    }

    private static ServerOptimizerStrategy Adaptive(AdaptiveRule rule, string name, StrategySettings settings, FedAvgOptions options) =>
        new(options, new AdaptiveServerOptimizer(
            rule,
            settings.ServerLearningRate ?? DefaultServerLearningRate(name),
            settings.Beta1 ?? DefaultBeta1,
            settings.Beta2 ?? DefaultBeta2,
            settings.Tau ?? DefaultTau));

    /// <summary>The canonical name, once the name and every given parameter are known to be valid.</summary>
    private static string Check(StrategySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var name = Canonical(settings.Name);
        var allowed = Parameters[name];
        foreach (var (flag, value) in Given(settings))
        {
            if (!allowed.Contains(flag))
            {
                var takes = allowed.Length == 0 ? "no parameters" : string.Join(", ", allowed);
                throw new ArgumentException($"{flag} does not apply to the strategy {name}, which takes {takes}.", nameof(settings));
            }

            var range = Range(flag, value);
            if (range is not null)
            {
                throw new ArgumentException($"{flag} must be {range} (got {value}).", nameof(settings));
            }
        }

        return name;
    }

    private static string Canonical(string? name)
    {
        var key = name?.Trim().ToLowerInvariant() ?? "";
        return Parameters.ContainsKey(key)
            ? key
            : throw new ArgumentException($"Unknown strategy '{name}'. Choose one of: {string.Join(", ", Names)}.", nameof(name));
    }

    private static IEnumerable<(string Flag, double Value)> Given(StrategySettings s)
    {
        (string, double?)[] all =
        [
            (ServerLr, s.ServerLearningRate), (Beta1Flag, s.Beta1), (Beta2Flag, s.Beta2), (TauFlag, s.Tau),
            (MomentumFlag, s.Momentum), (MuFlag, s.ProximalMu), (TrimFlag, s.TrimBeta), (ByzantineFlag, s.Byzantine),
        ];
        return all.Where(p => p.Item2.HasValue).Select(p => (p.Item1, p.Item2!.Value));
    }

    /// <summary>The valid range of a parameter, when <paramref name="value"/> is outside it; null when inside.</summary>
    private static string? Range(string flag, double value) => flag switch
    {
        ServerLr or TauFlag => value > 0 && double.IsFinite(value) ? null : "a finite number > 0",
        Beta1Flag or Beta2Flag or MomentumFlag => value >= 0 && value < 1 ? null : "in [0, 1)",
        MuFlag => value >= 0 && double.IsFinite(value) ? null : "a finite number ≥ 0",
        TrimFlag => value >= 0 && value < 0.5 ? null : "in [0, 0.5)",
        _ => value >= 0 ? null : "a whole number ≥ 0",
    };
}
