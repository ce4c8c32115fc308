namespace FedHealth.Coordinator.Aggregation;

/// <summary>
/// FedAvgM (Hsu et al. 2019): server momentum on the pseudo-gradient,
/// v ← β·v + Δ and w ← w + η·v. With β = 0 and η = 1 it is FedAvg.
/// </summary>
public sealed class ServerMomentum : IServerOptimizer
{
    private readonly double _learningRate;
    private readonly double _momentum;

    /// <param name="learningRate">η, the server learning rate (&gt; 0).</param>
    /// <param name="momentum">β, the server momentum in [0, 1).</param>
    public ServerMomentum(double learningRate, double momentum)
    {
        _learningRate = ServerMoments.CheckRate(learningRate, "server learning rate");
        _momentum = ServerMoments.CheckDecay(momentum, "server momentum");
    }

    public string Name => "fedavgm";

    public ServerStep Step(ServerOptimizerState state, ReadOnlySpan<float> weights, ReadOnlySpan<float> pseudoGradient)
    {
        ServerMoments.CheckStep(state, weights, pseudoGradient);
        var velocity = ServerMoments.Start(state.FirstMoment, weights.Length, 0, "momentum");
        var next = new float[weights.Length];
        for (var i = 0; i < next.Length; i++)
        {
            velocity[i] = (_momentum * velocity[i]) + pseudoGradient[i];
            next[i] = (float)(weights[i] + (_learningRate * velocity[i]));
        }

        return new ServerStep(next, state with { Step = state.Step + 1, FirstMoment = ServerMoments.Store(velocity) });
    }
}
