using FedHealth.Coordinator.Aggregation;

namespace FedHealth.Coordinator.Tests.Strategies;

public sealed class FedAdagradSpecs
{
    private static readonly AdaptiveServerOptimizer Adagrad = new(AdaptiveRule.Adagrad, learningRate: 0.1, beta1: 0.9, beta2: 0.99, tau: 0.1);

    [Fact]
    public void The_first_step_matches_the_paper_by_hand()
    {
        // v = τ² + Δ² = 1.01 (β₂ plays no part); x += 0.1·0.1 / (√1.01 + 0.1).
        var step = Adagrad.Step(ServerOptimizerState.Initial, [0.5f], [1f]);

        Assert.Equal(1.01, step.State.SecondMoment[0], 1e-6);
        Assert.Equal(0.5 + (0.01 / (Math.Sqrt(1.01) + 0.1)), step.Weights[0], 1e-6);
    }

    [Fact]
    public void The_second_moment_accumulates_so_equal_updates_take_smaller_steps_without_momentum()
    {
        var noMomentum = new AdaptiveServerOptimizer(AdaptiveRule.Adagrad, 0.1, 0.0, 0.99, 0.1);
        var first = noMomentum.Step(ServerOptimizerState.Initial, [0f], [1f]);
        var second = noMomentum.Step(first.State, first.Weights, [1f]);

        Assert.Equal(0.01 + 2, second.State.SecondMoment[0], 1e-6);
        Assert.True(second.Weights[0] - first.Weights[0] < first.Weights[0]);
    }

    [Fact]
    public void Three_rounds_match_a_plain_implementation_of_the_paper()
    {
        var expected = AdaptiveReference.Run("adagrad", 0.1, 0.9, 0.99, 0.1, [0.5, -0.5, 2.0], AdaptiveReference.ThreeRounds);

        var actual = AdaptiveReference.RunKernel(Adagrad, [0.5f, -0.5f, 2.0f], AdaptiveReference.ThreeRounds);

        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-5);
        }
    }
}
