namespace FedHealth.Coordinator.Strategies;

/// <summary>
/// The strategy a study uses and its parameters, as the operator gave them (flags or the
/// <c>Study:Strategy</c> configuration). A parameter left null takes the strategy's documented
/// default (<see cref="StrategyCatalog"/>, docs/strategies.md); a parameter the strategy does not
/// use is refused rather than ignored.
/// </summary>
/// <param name="Name">One of <see cref="StrategyCatalog.Names"/>, e.g. <c>fedadam</c> (case-insensitive).</param>
/// <param name="ServerLearningRate">η of the server optimisers (<c>--server-lr</c>): 1 for fedavgm, 0.1 for fedadam, fedyogi and fedadagrad.</param>
/// <param name="Beta1">β₁ of the adaptive optimisers (<c>--beta1</c>), default 0.9.</param>
/// <param name="Beta2">β₂ of fedadam and fedyogi (<c>--beta2</c>), default 0.99.</param>
/// <param name="Tau">τ of the adaptive optimisers (<c>--tau</c>), default 0.001.</param>
/// <param name="Momentum">β of fedavgm (<c>--momentum</c>), default 0.9.</param>
/// <param name="ProximalMu">μ of fedprox (<c>--proximal-mu</c>), default 0.01.</param>
/// <param name="TrimBeta">β of trimmed-mean, the fraction trimmed from each side (<c>--trim-beta</c>), default 0.2.</param>
/// <param name="Byzantine">f of krum and multi-krum (<c>--byzantine</c>), default 1.</param>
public sealed record StrategySettings(
    string Name,
    double? ServerLearningRate = null,
    double? Beta1 = null,
    double? Beta2 = null,
    double? Tau = null,
    double? Momentum = null,
    double? ProximalMu = null,
    double? TrimBeta = null,
    int? Byzantine = null)
{
    /// <summary>FedAvg, today's behaviour.</summary>
    public static StrategySettings Default { get; } = new("fedavg");
}
