using FedHealth.Core.Training;
using FedHealth.Training.Trainer;

namespace FedHealth.Training.Tests.Models;

public sealed class ModelSpecParameterCountTests
{
    public static TheoryData<ModelSpec> Specs => new()
    {
        ModelSpec.LogisticRegression(1),
        ModelSpec.LogisticRegression(23),
        ModelSpec.Mlp(13, 32),
        ModelSpec.Mlp(30, 16, 8),
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void The_spec_knows_how_many_weights_the_model_it_describes_has(ModelSpec spec)
    {
        var weights = new LocalTrainer().Initialize(spec, seed: 1);

        Assert.Equal(weights.Length, spec.ParameterCount);
    }
}
