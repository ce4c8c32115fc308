using FedHealth.Privacy.Distributed;
using FedHealth.Privacy.Sampling;

namespace FedHealth.Privacy.Tests.Distributed;

public sealed class DistributedNoiseTests
{
    [Fact]
    public void The_sum_of_the_sites_noise_has_the_stated_variance()
    {
        const int sites = 10;
        const double totalStdDev = 20;
        const int coordinates = 40_000;
        var share = new DistributedDiscreteGaussian(totalStdDev, sites);
        var sum = new long[coordinates];
        for (var s = 0; s < sites; s++)
        {
            using var random = SeededRandomSource.ForTest(200 + s);
            share.AddNoise(sum, random);
        }

        var mean = sum.Average();
        var variance = sum.Select(x => (x - mean) * (x - mean)).Sum() / (coordinates - 1);
        Assert.InRange(variance / (totalStdDev * totalStdDev), 0.96, 1.04);
        Assert.InRange(mean, -0.5, 0.5);
        Assert.Equal(sites * share.SiteVariance.Value, share.VarianceWithContributors(sites));
    }

    [Fact]
    public void Each_site_adds_at_least_its_share()
    {
        var share = new DistributedDiscreteGaussian(1000.0 / 3, 7);

        Assert.True(share.SiteVariance.Value * 7 >= (1000.0 / 3) * (1000.0 / 3));
        Assert.True(share.SiteVariance.Value * 7 - (1000.0 / 3) * (1000.0 / 3) < 7 * Math.Pow(2, -16) + 1e-6);
    }

    [Fact]
    public void Dropouts_weaken_the_guarantee_and_are_accounted_with_the_survivors()
    {
        const double siteVariance = 400;
        const double sensitivity = 100;
        var l1 = QuantizedSensitivity.L1(sensitivity, 1024);

        var all = DistributedDiscreteGaussianRdp.Rdp(8, sensitivity, l1, siteVariance, 10, 1024);
        var fewer = DistributedDiscreteGaussianRdp.Rdp(8, sensitivity, l1, siteVariance, 6, 1024);

        Assert.True(fewer > all);
        Assert.Equal(8 * sensitivity * sensitivity / (2 * 10 * siteVariance), all, 1e-9);
    }

    [Fact]
    public void One_contributor_is_exactly_the_discrete_gaussian()
    {
        var rdp = DistributedDiscreteGaussianRdp.Rdp(3.5, 10, 50, 25, 1, 100);

        Assert.Equal(0, DistributedDiscreteGaussianRdp.Tau(25, 1));
        Assert.Equal(3.5 * 100 / (2 * 25), rdp);
    }

    [Fact]
    public void Small_site_noise_pays_the_tau_penalty()
    {
        // σ_site = 0.3: the sum is far from a discrete Gaussian and τ is not negligible.
        var tau = DistributedDiscreteGaussianRdp.Tau(0.09, 5);
        Assert.True(tau > 1);
        Assert.True(DistributedDiscreteGaussianRdp.Tau(100, 5) < 1e-300);
    }

    [Fact]
    public void With_ample_site_noise_the_distributed_mechanism_costs_what_the_central_gaussian_costs()
    {
        // Δ = 100 and 10 sites of σ_site² = 1000: σ_total = 100, noise multiplier 1, τ ≈ 0.
        var curve = DistributedDiscreteGaussianRdp.Curve(100, QuantizedSensitivity.L1(100, 1024), 1000, 10, 1024, rounds: 20);
        var central = FedHealth.Privacy.Accounting.RdpAccountant.Epsilon(1.0, 1.0, 20, 1e-5);

        Assert.Equal(central.Epsilon, curve.ToEpsilon(1e-5).Epsilon, 9);
    }

    [Fact]
    public void Conditional_rounding_tightens_the_quantized_sensitivity()
    {
        var plain = QuantizedSensitivity.L2(1000, 4096, 0);
        var conditional = QuantizedSensitivity.L2(1000, 4096, Math.Exp(-0.5));

        Assert.Equal(1000 + 64, plain);
        Assert.True(conditional < plain);
        Assert.True(conditional > 1000);
    }

    [Fact]
    public void A_configuration_that_would_wrap_around_is_refused_with_the_numbers()
    {
        var safe = ModularWrapAround.Check(clip: 1, paddedDimension: 1 << 20, sites: 10, modulusBits: 32, scale: 1 << 14, totalNoiseStdDev: 1 << 14);
        var unsafeCheck = ModularWrapAround.Check(clip: 1, paddedDimension: 1 << 10, sites: 100, modulusBits: 16, scale: 1 << 14, totalNoiseStdDev: 1 << 14);

        Assert.True(safe.IsSafe, safe.Message);
        Assert.False(unsafeCheck.IsSafe);
        Assert.Contains("wrap-around", unsafeCheck.Message, StringComparison.Ordinal);
        Assert.True(unsafeCheck.CoordinateBound > unsafeCheck.Limit);
    }

    [Fact]
    public void Quantized_noisy_sums_of_clipped_rotated_updates_stay_within_the_wrap_bound()
    {
        const int sites = 8;
        const int dimension = 3000;
        const double clip = 1.0;
        const double scale = 4096;
        var seed = new byte[32];
        var rotation = new RandomizedHadamard(dimension, seed);
        var share = new DistributedDiscreteGaussian(totalStdDev: 2 * clip * scale, expectedSites: sites);
        var sum = new long[rotation.PaddedDimension];
        for (var s = 0; s < sites; s++)
        {
            using var random = SeededRandomSource.ForTest(300 + s);
            var gaussian = new GaussianSampler(random);
            var update = Enumerable.Range(0, dimension).Select(_ => (float)gaussian.Next()).ToArray();
            FedHealth.Privacy.Clipping.L2Clipping.ClipInPlace(update, clip);
            var rotated = rotation.Rotate(update);
            var quantized = rotated.Select(v => (long)Math.Round(v * scale)).ToArray();
            share.AddNoise(quantized, random);
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += quantized[i];
            }
        }

        var check = ModularWrapAround.Check(clip, rotation.PaddedDimension, sites, 24, scale, 2 * clip * scale);
        Assert.True(check.IsSafe, check.Message);
        Assert.All(sum, v => Assert.True(Math.Abs(v) < check.CoordinateBound));
    }
}
