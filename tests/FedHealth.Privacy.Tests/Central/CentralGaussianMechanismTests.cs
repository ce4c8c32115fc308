using FedHealth.Privacy.Central;
using FedHealth.Privacy.Clipping;
using FedHealth.Privacy.Sampling;

namespace FedHealth.Privacy.Tests.Central;

public sealed class CentralGaussianMechanismTests
{
    [Fact]
    public void The_noisy_mean_is_the_unweighted_mean_of_clipped_updates_plus_noise_of_sigma_c()
    {
        using var random = SeededRandomSource.ForTest(401);
        const int dimension = 20_000;
        var big = Enumerable.Repeat(10f, dimension).ToArray();   // norm ≫ C: clipped
        var small = Enumerable.Repeat(0f, dimension).ToArray();
        const double clip = 2.0;
        const double sigma = 1.5;
        const int expectedSites = 4;

        var mean = CentralGaussianMechanism.NoisyMean([big, small, small, small], clip, sigma, expectedSites, random);

        var clipped = big.ToArray();
        L2Clipping.ClipInPlace(clipped, clip);
        var residual = mean.Select((m, i) => m - clipped[i] / expectedSites).ToArray();
        var std = Math.Sqrt(residual.Select(r => (double)r * r).Average());
        Assert.InRange(std / (sigma * clip / expectedSites), 0.97, 1.03);
        Assert.InRange(residual.Average(), -0.01, 0.01);
    }

    [Fact]
    public void The_mechanism_refuses_bad_parameters()
    {
        using var random = SeededRandomSource.ForTest(402);
        float[] update = [1f];

        Assert.Throws<ArgumentOutOfRangeException>(() => CentralGaussianMechanism.NoisyMean([update], 1, 0, 1, random));
        Assert.Throws<ArgumentOutOfRangeException>(() => CentralGaussianMechanism.NoisyMean([update], 1, 1, 0, random));
        Assert.Throws<ArgumentException>(() => CentralGaussianMechanism.NoisyMean([update, new float[2]], 1, 1, 2, random));
    }
}
