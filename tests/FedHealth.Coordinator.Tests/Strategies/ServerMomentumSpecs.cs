using FedHealth.Coordinator.Aggregation;

namespace FedHealth.Coordinator.Tests.Strategies;

public sealed class ServerMomentumSpecs
{
    [Fact]
    public void Without_momentum_and_at_rate_one_it_is_fedavg()
    {
        var step = new ServerMomentum(1.0, 0.0).Step(ServerOptimizerState.Initial, [1f, 2f], [0.5f, -1f]);

        Assert.Equal([1.5f, 1f], step.Weights);
    }

    [Fact]
    public void The_velocity_carries_the_previous_updates()
    {
        // v₁ = Δ₁ = 1; x₁ = 0 + 0.5·1; v₂ = 0.9·1 + 2 = 2.9; x₂ = 0.5 + 0.5·2.9 = 1.95.
        var momentum = new ServerMomentum(0.5, 0.9);

        var first = momentum.Step(ServerOptimizerState.Initial, [0f], [1f]);
        var second = momentum.Step(first.State, first.Weights, [2f]);

        Assert.Equal(0.5f, first.Weights[0]);
        Assert.Equal(1.95, second.Weights[0], 1e-6);
        Assert.Equal(2.9, second.State.FirstMoment[0], 1e-6);
        Assert.Equal(2, second.State.Step);
        Assert.True(second.State.SecondMoment.IsEmpty);
    }

    [Theory]
    [InlineData(0.0, 0.9)]
    [InlineData(1.0, 1.0)]
    [InlineData(1.0, -0.5)]
    public void Out_of_range_settings_are_refused(double eta, double momentum)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ServerMomentum(eta, momentum));
    }
}
