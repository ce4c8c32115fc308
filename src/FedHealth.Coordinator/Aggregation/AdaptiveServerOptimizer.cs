namespace FedHealth.Coordinator.Aggregation;

/// <summary>
/// FedAdagrad, FedAdam and FedYogi exactly as Algorithm 2 of Reddi et al. 2021, "Adaptive
/// Federated Optimization": m ← β₁·m + (1 − β₁)·Δ, v by the <see cref="AdaptiveRule"/>, and
/// w ← w + η·m / (√v + τ), starting from m = 0 and v = τ². There is no bias correction, as in the paper.
/// </summary>
/// <remarks>Computed in double precision per coordinate; the moments are kept as float32.</remarks>
public sealed class AdaptiveServerOptimizer : IServerOptimizer
{
    private readonly AdaptiveRule _rule;
    private readonly double _learningRate;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly double _tau;

    /// <param name="rule">Which second-moment update.</param>
    /// <param name="learningRate">η, the server learning rate (&gt; 0).</param>
    /// <param name="beta1">β₁, the first-moment decay in [0, 1).</param>
    /// <param name="beta2">β₂, the second-moment decay in [0, 1) (unused by Adagrad).</param>
    /// <param name="tau">τ, the adaptivity (&gt; 0): larger is closer to momentum SGD.</param>
    public AdaptiveServerOptimizer(AdaptiveRule rule, double learningRate, double beta1, double beta2, double tau)
    {
        if (!Enum.IsDefined(rule))
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown adaptive rule.");
        }

        _rule = rule;
        _learningRate = ServerMoments.CheckRate(learningRate, "server learning rate");
        _beta1 = ServerMoments.CheckDecay(beta1, "beta1");
        _beta2 = ServerMoments.CheckDecay(beta2, "beta2");
        _tau = ServerMoments.CheckRate(tau, "tau");
    }

    public string Name => _rule switch
    {
        AdaptiveRule.Adagrad => "fedadagrad",
        AdaptiveRule.Adam => "fedadam",
        _ => "fedyogi",
    };

    public ServerStep Step(ServerOptimizerState state, ReadOnlySpan<float> weights, ReadOnlySpan<float> pseudoGradient)
    {
        ServerMoments.CheckStep(state, weights, pseudoGradient);
        var m = ServerMoments.Start(state.FirstMoment, weights.Length, 0, "first moment");
        var v = ServerMoments.Start(state.SecondMoment, weights.Length, _tau * _tau, "second moment");
        var next = new float[weights.Length];
        for (var i = 0; i < next.Length; i++)
        {
            double delta = pseudoGradient[i];
            var squared = delta * delta;
            m[i] = (_beta1 * m[i]) + ((1 - _beta1) * delta);
            v[i] = _rule switch
            {
                AdaptiveRule.Adagrad => v[i] + squared,
                AdaptiveRule.Adam => (_beta2 * v[i]) + ((1 - _beta2) * squared),
                _ => v[i] - ((1 - _beta2) * squared * Math.Sign(v[i] - squared)),
            };
            next[i] = (float)(weights[i] + (_learningRate * m[i] / (Math.Sqrt(v[i]) + _tau)));
        }

        return new ServerStep(next, new ServerOptimizerState(state.Step + 1, ServerMoments.Store(m), ServerMoments.Store(v)));
    }
}
