using FedHealth.Core.Training;
using FedHealth.Core.Weights;
using FedHealth.Privacy.Sampling;
using FedHealth.Training.Tests.Support;
using FedHealth.Training.Trainer;

namespace FedHealth.Training.Tests.Trainer;

public sealed class ProximalTermTests
{
    private static readonly ModelSpec Mlp = ModelSpec.Mlp(4, 8);
    private static readonly FitConfig Sgd = new(OptimizerKind.Sgd, 0.1, 8, 30, 0, 5);
    private static readonly FitConfig Adam = new(OptimizerKind.Adam, 0.05, 8, 30, 0, 5);
    private static readonly FitConfig DpSgd = Sgd with { RecordDp = new DpSgdConfig(1.0, 1.0, 0.25) };

    private static LocalTrainer Seeded() => new(() => SeededRandomSource.ForTest(9));

    /// <remarks>
    /// The hashes were taken from the trainer before FedProx existed (same inputs, same seeded DP
    /// randomness). They pin float-level behaviour of libtorch on x86-64; a different CPU family may
    /// round differently, in which case re-take them from the commit before FedProx.
    /// </remarks>
    [Theory]
    [InlineData("sgd", "1c0909d5aad7fdf19edad303183608248a23becf777825fbee495ad9290233e2")]
    [InlineData("adam", "c4e507a491f54ea1b3c3bb6d76f68d42e9929ca6119a0dcd769052d06ac5176f")]
    [InlineData("dp-sgd", "e9302cff51302bc35a07a9bc6168b1bc46067219c08085ebf6544993aac0a4ad")]
    public void Mu_zero_trains_bit_identically_to_the_trainer_before_fedprox(string training, string hashBeforeFedProx)
    {
        var data = SyntheticRows.Blobs(64, 4, seed: 1, margin: 0.5);
        var trainer = Seeded();
        var start = trainer.Initialize(Mlp, 11);
        var config = training switch { "sgd" => Sgd, "adam" => Adam, _ => DpSgd };

        var fitted = trainer.Fit(Mlp, start, data, config with { ProximalMu = 0 });

        Assert.Equal(hashBeforeFedProx, fitted.Weights.ContentHash());
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("adam")]
    [InlineData("dp-sgd")]
    public void A_larger_mu_keeps_the_weights_closer_to_the_global_ones(string training)
    {
        var data = SyntheticRows.Blobs(64, 4, seed: 1, margin: 0.5);
        var start = Seeded().Initialize(Mlp, 11);
        var config = training switch { "sgd" => Sgd, "adam" => Adam, _ => DpSgd };

        // A fresh trainer per fit: under DP-SGD each then draws the same samples and noise.
        var distances = new[] { 0.0, 1.0, 5.0 }
            .Select(mu => Distance(Seeded().Fit(Mlp, start, data, config with { ProximalMu = mu }).Weights, start))
            .ToList();

        Assert.True(distances[0] > distances[1], $"μ = 1 moved {distances[1]} but μ = 0 moved {distances[0]}.");
        Assert.True(distances[1] > distances[2], $"μ = 5 moved {distances[2]} but μ = 1 moved {distances[1]}.");
        Assert.True(distances[2] < 0.8 * distances[0], $"μ = 5 moved {distances[2]}, not much less than μ = 0's {distances[0]}.");
    }

    [Fact]
    public void The_proximal_gradient_is_mu_times_the_distance_from_the_global_weights()
    {
        // Full-batch SGD: w₂ = w₁ − η·(∇L(w₁) + μ·(w₁ − w₀)), and w₁ − η·∇L(w₁) is one plain step from w₁.
        const double mu = 0.7;
        const double lr = 0.1;
        var data = SyntheticRows.Blobs(32, 4, seed: 2, margin: 0.5);
        var trainer = new LocalTrainer();
        var w0 = trainer.Initialize(Mlp, 3);
        var oneStep = new FitConfig(OptimizerKind.Sgd, lr, data.Rows, 1, 0, 1);
        var w1 = trainer.Fit(Mlp, w0, data, oneStep).Weights;
        var plainFromW1 = trainer.Fit(Mlp, w1, data, oneStep).Weights.Flat.ToArray();

        var w2 = trainer.Fit(Mlp, w0, data, oneStep with { LocalSteps = 2, ProximalMu = mu }).Weights.Flat.ToArray();

        for (var i = 0; i < w2.Length; i++)
        {
            var expected = plainFromW1[i] - (lr * mu * (w1.Flat[i] - w0.Flat[i]));
            Assert.Equal(expected, w2[i], 1e-6);
        }
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_negative_or_non_finite_mu_is_refused(double mu)
    {
        var data = SyntheticRows.Blobs(16, 4, seed: 1);
        var trainer = new LocalTrainer();
        var start = trainer.Initialize(Mlp, 1);

        var error = Assert.Throws<ArgumentException>(() => trainer.Fit(Mlp, start, data, Sgd with { ProximalMu = mu }));

        Assert.Contains("ProximalMu", error.Message, StringComparison.Ordinal);
    }

    private static double Distance(ModelWeights a, ModelWeights b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = (double)a.Flat[i] - b.Flat[i];
            sum += d * d;
        }

        return Math.Sqrt(sum);
    }
}
