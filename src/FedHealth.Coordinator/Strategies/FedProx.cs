using FedHealth.Core.Strategy;
using FedHealth.Core.Weights;

namespace FedHealth.Coordinator.Strategies;

/// <summary>
/// FedProx (Li et al. 2020): FedAvg whose sites add the proximal term μ/2·‖w − w_global‖² to their
/// local objective, which limits how far heterogeneous sites drift in one round. Only the fit
/// configuration differs from FedAvg, so it composes with secure aggregation and DP as FedAvg does.
/// </summary>
public sealed class FedProx : FedAvg
{
    private readonly double _mu;

    /// <param name="mu">μ ≥ 0; 0 is FedAvg.</param>
    public FedProx(FedAvgOptions options, double mu)
        : base(options)
    {
        _mu = mu >= 0 && double.IsFinite(mu)
            ? mu
            : throw new ArgumentOutOfRangeException(nameof(mu), mu, "The proximal μ must be a finite number ≥ 0.");
    }

    public override string Name => "fedprox";

    public override FitPlan ConfigureFit(RoundContext round, ModelWeights global)
    {
        var plan = base.ConfigureFit(round, global);
        return plan with { Config = plan.Config with { ProximalMu = _mu } };
    }
}
