namespace FedHealth.Coordinator.Tests.Strategies;

/// <summary>
/// Reddi et al. 2021, Algorithm 2, written out plainly in double precision over whole rounds, to
/// check the kernel against: m = β₁m + (1 − β₁)Δ; v by the rule; x = x + η·m/(√v + τ); v₋₁ = τ².
/// </summary>
internal static class AdaptiveReference
{
    public static double[] Run(string rule, double eta, double beta1, double beta2, double tau, double[] start, IReadOnlyList<double[]> deltas)
    {
        var x = (double[])start.Clone();
        var m = new double[x.Length];
        var v = Enumerable.Repeat(tau * tau, x.Length).ToArray();
        foreach (var delta in deltas)
        {
            for (var i = 0; i < x.Length; i++)
            {
                m[i] = (beta1 * m[i]) + ((1 - beta1) * delta[i]);
                var d2 = delta[i] * delta[i];
                if (rule == "adagrad")
                {
                    v[i] += d2;
                }
                else if (rule == "adam")
                {
                    v[i] = (beta2 * v[i]) + ((1 - beta2) * d2);
                }
                else
                {
                    v[i] -= (1 - beta2) * d2 * Math.Sign(v[i] - d2);
                }

                x[i] += eta * m[i] / (Math.Sqrt(v[i]) + tau);
            }
        }

        return x;
    }

    /// <summary>Steps the kernel over the same rounds, feeding each state into the next step.</summary>
    public static float[] RunKernel(FedHealth.Coordinator.Aggregation.IServerOptimizer optimizer, float[] start, IReadOnlyList<double[]> deltas)
    {
        var state = FedHealth.Coordinator.Aggregation.ServerOptimizerState.Initial;
        var weights = start;
        foreach (var delta in deltas)
        {
            var step = optimizer.Step(state, weights, Array.ConvertAll(delta, d => (float)d));
            (weights, state) = (step.Weights, step.State);
        }

        return weights;
    }

    public static readonly double[][] ThreeRounds = [[1.0, -2.0, 0.0], [0.5, -1.0, 0.25], [-0.2, 0.3, 0.25]];
}
